package org.nvmexpress.discoverd.varlink;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one Jackson configuration both ends of the socket use. */
final class VarlinkJson {
    private VarlinkJson() {
    }

    /**
     * A mapper that rejects what a varlink peer must not send: trailing data after the object
     * ({@code {} {}} is two messages glued without their NUL) and duplicate keys (which value
     * wins would be Jackson's choice, not the caller's).
     */
    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return mapper;
    }
}
