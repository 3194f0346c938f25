package org.nvmexpress.discoverd.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Records as JSON, the way a varlink server would write them: every component, recursively, an
 * empty optional as {@code null}. Written here because Jackson's Jdk8Module is not on the class
 * path, and plain Jackson would print an {@code Optional} as {@code {"present":true}}, hiding its
 * content from a test that looks for secrets in it.
 */
final class PlainValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainValues() {
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(plain(value));
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot write " + value, e);
        }
    }

    static Object plain(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(PlainValues::plain).orElse(null);
        }
        if (value instanceof OptionalLong optional) {
            return optional.isPresent() ? optional.getAsLong() : null;
        }
        if (value instanceof Record record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                fields.put(component.getName(), plain(read(component, record)));
            }
            return fields;
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return value.toString(); // enums, and the TID's own values (strings)
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError("cannot read " + component.getName(), e);
        }
    }
}
