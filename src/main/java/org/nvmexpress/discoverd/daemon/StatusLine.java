package org.nvmexpress.discoverd.daemon;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's one-line summary for {@code STATUS=} ({@code systemctl status}): how many
 * controllers it wants, and how many are in each state, e.g.
 * {@code 12 controllers: 9 connected, 2 retrying, 1 excluded}. {@code connected} is always shown;
 * the other states only when some controller is in them, in {@link ControllerState} order.
 *
 * @param byState the number of controllers per state; states with none may be absent
 */
record StatusLine(Map<ControllerState, Integer> byState) {
    static final StatusLine NONE = new StatusLine(Map.of());

    StatusLine {
        EnumMap<ControllerState, Integer> copy = new EnumMap<>(ControllerState.class);
        byState.forEach((state, n) -> {
            if (n < 0) {
                throw new IllegalArgumentException("count out of range for " + state.label() + ": " + n);
            }
            if (n > 0) {
                copy.put(state, n);
            }
        });
        byState = Map.copyOf(copy);
    }

    /** Every controller counted. */
    int controllers() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }

    int count(ControllerState state) {
        return byState.getOrDefault(state, 0);
    }

    String text() {
        int total = controllers();
        String head = total + (total == 1 ? " controller" : " controllers");
        if (total == 0) {
            return head;
        }
        List<String> parts = new ArrayList<>();
        for (ControllerState state : ControllerState.values()) {
            int n = count(state);
            if (n > 0 || state == ControllerState.CONNECTED) {
                parts.add(n + " " + state.label());
            }
        }
        return head + ": " + String.join(", ", parts);
    }

    @Override
    public String toString() {
        return text();
    }
}
