package org.nvmexpress.discoverd.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The results the guest printed, read back from its console: {@code RESULT <check>.<key>=<value>}
 * lines (see {@link GuestReport}), anywhere in the console output, with the serial line's carriage
 * returns removed. Everything else on the console (kernel messages, the scripts' own output) is
 * ignored.
 */
record GuestResults(Map<String, Map<String, String>> byCheck) {
    private static final Pattern LINE = Pattern.compile(
            "^" + GuestReport.PREFIX + "([a-z0-9-]+)\\.([A-Za-z0-9_.-]+)=(.*)$", Pattern.MULTILINE);

    GuestResults {
        byCheck = Map.copyOf(byCheck);
    }

    static GuestResults parse(String console) {
        Map<String, Map<String, String>> byCheck = new LinkedHashMap<>();
        Matcher m = LINE.matcher(console.replace("\r", ""));
        while (m.find()) {
            byCheck.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), unescape(m.group(3)));
        }
        byCheck.replaceAll((check, results) -> Collections.unmodifiableMap(results));
        return new GuestResults(byCheck);
    }

    /**
     * The results of one check that ran to its end. Throws an {@link AssertionError} naming the
     * reason when the guest never reported the check or the check threw.
     */
    Map<String, String> of(String check) {
        Map<String, String> results = byCheck.get(check);
        if (results == null) {
            throw new AssertionError("the guest reported nothing for check '" + check + "'; reported: " + byCheck.keySet());
        }
        if (!"completed".equals(results.get("outcome"))) {
            throw new AssertionError("guest check '" + check + "' did not complete: "
                    + results.getOrDefault("error", "no outcome reported") + "; results " + results);
        }
        return results;
    }

    private static String unescape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                sb.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
