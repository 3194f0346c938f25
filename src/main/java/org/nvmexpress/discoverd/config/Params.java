package org.nvmexpress.discoverd.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered set of connection parameters (reference §8.6): each key is absent (inherit), reset
 * ({@code ""}: omit it and let the kernel default apply), or set. Order is first insertion, which
 * is the order options are emitted in; overlaying replaces a value in place and appends new keys.
 *
 * @param entries at most one entry per key, in first-insertion order
 */
public record Params(List<Param> entries) {
    public static final Params EMPTY = new Params(List.of());

    /** One parameter. {@link #toString()} never shows a secret. */
    public record Param(FabricsKey key, String value) {
        public Param {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!key.isParameter()) {
                throw new IllegalArgumentException("not a connection parameter: " + key.configName());
            }
        }

        public boolean isReset() {
            return value.isEmpty();
        }

        @Override
        public String toString() {
            return key.configName() + "=" + key.printable(value);
        }
    }

    public Params {
        entries = List.copyOf(entries);
        if (entries.stream().map(Param::key).distinct().count() != entries.size()) {
            throw new IllegalArgumentException("a key appears twice: " + entries);
        }
    }

    /** This set with {@code key} set to {@code value}: replaced in place, or appended. */
    public Params with(FabricsKey key, String value) {
        List<Param> out = new ArrayList<>(entries);
        Param param = new Param(key, value);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).key() == key) {
                out.set(i, param);
                return new Params(out);
            }
        }
        out.add(param);
        return new Params(out);
    }

    /** This set overlaid with every entry of {@code top}, in {@code top}'s order. */
    public Params overlay(Params top) {
        Params out = this;
        for (Param p : top.entries) {
            out = out.with(p.key(), p.value());
        }
        return out;
    }

    /** The value of {@code key}: empty when absent, {@code ""} when reset. */
    public Optional<String> get(FabricsKey key) {
        return entries.stream().filter(p -> p.key() == key).map(Param::value).findFirst();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The DC connection policy ({@code persistent}); AUTO when unset or reset. */
    public Persistence persistence() {
        return get(FabricsKey.PERSISTENT).flatMap(Persistence::parse).orElse(Persistence.AUTO);
    }

    /**
     * Whether these parameters give a connection TLS: {@code tls} on, or a PSK named for it
     * ({@code tls-key}, {@code tls-key-identity}, or a {@code keyring} to find one in). What an
     * entry that requires a secure channel needs before the daemon connects it.
     */
    public boolean configuresTls() {
        if (get(FabricsKey.TLS).flatMap(ValueSyntax::parseBool).orElse(false)) {
            return true;
        }
        return List.of(FabricsKey.TLS_KEY, FabricsKey.TLS_KEY_IDENTITY, FabricsKey.KEYRING).stream()
                .anyMatch(key -> get(key).filter(v -> !v.isEmpty()).isPresent());
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
