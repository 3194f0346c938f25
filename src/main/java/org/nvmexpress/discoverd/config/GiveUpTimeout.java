package org.nvmexpress.discoverd.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a failing discovery controller is retried before the daemon forgets it: the
 * {@code dc-giveup-timeout} of {@code [Discovery]} (reference §1.11). It applies only to a DC that
 * nothing else vouches for, one found through a referral or an FC kickstart; configured and NBFT
 * DCs are retried forever whatever this says. Immutable.
 *
 * <p>Three cases, each with its own factory so that no caller has to agree on a sentinel:
 * {@link #never()} ({@code infinity}), {@link #immediately()} ({@code 0}: give up at the first
 * failure) and {@link #after(Duration)}. A limit can be longer than a {@code long} of nanoseconds
 * holds (systemd allows up to 2<sup>64</sup> µs, about 584,542 years), so compare durations with
 * {@link #reachedAfter} rather than adding the limit to a nanosecond clock.
 *
 * @param limit how long a controller may keep failing before it is given up; empty for never
 */
public record GiveUpTimeout(Optional<Duration> limit) {
    private static final GiveUpTimeout NEVER = new GiveUpTimeout(Optional.empty());
    private static final GiveUpTimeout IMMEDIATELY = new GiveUpTimeout(Optional.of(Duration.ZERO));

    public GiveUpTimeout {
        Objects.requireNonNull(limit, "limit");
        if (limit.isPresent() && limit.get().isNegative()) {
            throw new IllegalArgumentException("limit is negative: " + limit.get());
        }
    }

    /** Retry forever: {@code dc-giveup-timeout = infinity}. */
    public static GiveUpTimeout never() {
        return NEVER;
    }

    /** Give up at the first failure: {@code dc-giveup-timeout = 0}. */
    public static GiveUpTimeout immediately() {
        return IMMEDIATELY;
    }

    /** Give up once failures have lasted {@code limit}; zero is {@link #immediately()}. */
    public static GiveUpTimeout after(Duration limit) {
        return new GiveUpTimeout(Optional.of(Objects.requireNonNull(limit, "limit")));
    }

    /** Whether controllers are retried forever. */
    public boolean isNever() {
        return limit.isEmpty();
    }

    /**
     * Whether a controller that has been failing for {@code failingFor} (since its first failure in
     * a row) is to be given up now: never for {@link #never()}, always for {@link #immediately()}.
     */
    public boolean reachedAfter(Duration failingFor) {
        Objects.requireNonNull(failingFor, "failingFor");
        return limit.isPresent() && failingFor.compareTo(limit.get()) >= 0;
    }
}
