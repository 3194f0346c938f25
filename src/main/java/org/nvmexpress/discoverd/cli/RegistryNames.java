package org.nvmexpress.discoverd.cli;

import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for registry arguments: a bad name is a usage error (exit 2) naming it. */
final class RegistryNames {
    private RegistryNames() {
    }

    /** {@code nvme3} or {@code /dev/nvme3}, as nvme-cli accepts it. */
    static final class Device implements ITypeConverter<DeviceName> {
        @Override
        public DeviceName convert(String text) {
            String name = text.startsWith("/dev/") ? text.substring("/dev/".length()) : text;
            try {
                return new DeviceName(name);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An attribute name such as {@code owner} or {@code note}. */
    static final class Attribute implements ITypeConverter<AttributeName> {
        @Override
        public AttributeName convert(String text) {
            try {
                return new AttributeName(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
