package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** The errors the server answers with, named and shaped as their interfaces declare them. */
final class ServiceErrors {
    static final String SERVICE = "org.varlink.service.";
    static final String DISCOVERD = "org.nvmexpress.discoverd.";

    private ServiceErrors() {
    }

    static VarlinkError interfaceNotFound(String name) {
        return new VarlinkError(SERVICE + "InterfaceNotFound", object().put("interface", name));
    }

    static VarlinkError methodNotFound(String method) {
        return new VarlinkError(SERVICE + "MethodNotFound", object().put("method", method));
    }

    static VarlinkError methodNotImplemented(String method) {
        return new VarlinkError(SERVICE + "MethodNotImplemented", object().put("method", method));
    }

    static VarlinkError invalidParameter(String parameter) {
        return new VarlinkError(SERVICE + "InvalidParameter", object().put("parameter", parameter));
    }

    static VarlinkError expectedMore() {
        return new VarlinkError(SERVICE + "ExpectedMore", object());
    }

    /** systemd's answer to an unprivileged {@code io.systemd.service} call. */
    static VarlinkError servicePermissionDenied() {
        return new VarlinkError(SERVICE + "PermissionDenied", object());
    }

    static VarlinkError permissionDenied() {
        return new VarlinkError(DISCOVERD + "PermissionDenied", object());
    }

    static VarlinkError noSuchController(Optional<String> unit, Optional<String> device) {
        ObjectNode parameters = object();
        unit.ifPresent(u -> parameters.put("unit", u));
        device.ifPresent(d -> parameters.put("device", d));
        return new VarlinkError(DISCOVERD + "NoSuchController", parameters);
    }

    static VarlinkError reloadFailed(List<String> errors) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        errors.forEach(list::add);
        ObjectNode parameters = object();
        parameters.set("errors", list);
        return new VarlinkError(DISCOVERD + "ReloadFailed", parameters);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
