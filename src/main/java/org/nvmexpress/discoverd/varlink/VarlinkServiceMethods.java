package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code org.varlink.service}, which every varlink service answers so generic clients
 * ({@code varlinkctl}, python's {@code varlink}) can introspect it.
 */
final class VarlinkServiceMethods {
    static final String INTERFACE = "org.varlink.service";

    private final ServiceInfo info;
    private final Supplier<String> version;
    private final InterfaceDescriptions descriptions;

    /**
     * @param version the daemon's version, read per call (the snapshot carries it)
     */
    VarlinkServiceMethods(ServiceInfo info, Supplier<String> version, InterfaceDescriptions descriptions) {
        this.info = Objects.requireNonNull(info, "info");
        this.version = Objects.requireNonNull(version, "version");
        this.descriptions = Objects.requireNonNull(descriptions, "descriptions");
    }

    Map<String, Method> methods() {
        return Map.of("GetInfo", this::getInfo, "GetInterfaceDescription", this::getInterfaceDescription);
    }

    private Answer getInfo(Call call, Caller caller) throws VarlinkError {
        CallParameters.of(call.parameters(), Set.of());
        ObjectNode reply = ServiceErrors.object();
        reply.put("vendor", info.vendor());
        reply.put("product", info.product());
        reply.put("version", version.get());
        reply.put("url", info.url());
        ArrayNode interfaces = reply.putArray("interfaces");
        InterfaceDescriptions.INTERFACES.forEach(interfaces::add);
        return new Answer.Reply(reply);
    }

    private Answer getInterfaceDescription(Call call, Caller caller) throws VarlinkError {
        String name = CallParameters.of(call.parameters(), Set.of("interface")).requiredString("interface");
        String text = descriptions.description(name).orElseThrow(() -> ServiceErrors.interfaceNotFound(name));
        return new Answer.Reply(ServiceErrors.object().put("description", text));
    }
}
