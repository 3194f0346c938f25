package org.nvmexpress.discoverd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TimeSpanTest {
    private static final String OUT_OF_RANGE = "out of range: a time span must stay below 2^64 microseconds"
            + " (about 584542 years)";

    /** Every unit spelling, systemd.time(7)'s examples, and the shapes parse_sec accepts; in microseconds. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "72                    | 72000000",
        "0                     | 0",
        "0s                    | 0",
        "0.0                   | 0",
        "+5                    | 5000000",
        "0001                  | 1000000",
        "'  5  '               | 5000000",
        "1usec                 | 1",
        "1us                   | 1",
        "1\u00b5s              | 1",
        "1\u03bcs              | 1",
        "1msec                 | 1000",
        "1ms                   | 1000",
        "1seconds              | 1000000",
        "1second               | 1000000",
        "1sec                  | 1000000",
        "1s                    | 1000000",
        "1minutes              | 60000000",
        "1minute               | 60000000",
        "1min                  | 60000000",
        "1m                    | 60000000",
        "1hours                | 3600000000",
        "1hour                 | 3600000000",
        "1hr                   | 3600000000",
        "1h                    | 3600000000",
        "1days                 | 86400000000",
        "1day                  | 86400000000",
        "1d                    | 86400000000",
        "1weeks                | 604800000000",
        "1week                 | 604800000000",
        "1w                    | 604800000000",
        "1months               | 2629800000000",
        "1month                | 2629800000000",
        "1M                    | 2629800000000",
        "1years                | 31557600000000",
        "1year                 | 31557600000000",
        "1y                    | 31557600000000",
        "72hours               | 259200000000",
        "72h                   | 259200000000",
        "3 days 5 hours        | 277200000000",
        "1h 30min              | 5400000000",
        "1h30m                 | 5400000000",
        "1.5h                  | 5400000000",
        "500ms                 | 500000",
        "2 h                   | 7200000000",
        "48hr                  | 172800000000",
        "1y 12month            | 63115200000000",
        "55s500ms              | 55500000",
        "300ms20s 5day         | 432020300000",
        "'5\tsec'              | 5000000",
        "'1 minute 24 seconds' | 84000000",
        ".5                    | 500000",
        "12.34 .56             | 12900000",
        "12.34s.56             | 12900000",
        "1.23456789us          | 1",
        "1.999999999s          | 1999999",
        "0.0000001s            | 0",
        "584541y               | 18446711061600000000",
        "584541y 1y            | 18446742619200000000",
        "9223372036854775807us 9223372036854775807us | 18446744073709551614"})
    void parseAcceptsWhatSystemdAccepts(String text, String micros) {
        long usec = Long.parseUnsignedLong(micros);
        Duration expected = Duration.ofSeconds(Long.divideUnsigned(usec, 1_000_000),
                Long.remainderUnsigned(usec, 1_000_000) * 1_000);
        assertThat(TimeSpan.parse(text)).isEqualTo(new TimeSpan.Span(Optional.of(expected)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"infinity", "  infinity", "infinity  ", "\tinfinity\r"})
    void parseReadsInfinityAlone(String text) {
        assertThat(TimeSpan.parse(text)).isEqualTo(new TimeSpan.Span(Optional.empty()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                    | empty",
        "'   '                 | empty",
        "-1                    | '-' at character 1: a time span is never negative",
        "-0                    | '-' at character 1: a time span is never negative",
        "5 -3                  | '-' at character 3: a time span is never negative",
        "1:30                  | ':' at character 2 is not a unit",
        "12.34.56              | '.' at character 6 is not a unit",
        "5x                    | 'x' at character 2 is not a unit",
        "5H                    | 'H' at character 2 is not a unit",
        "1e3                   | 'e' at character 2 is not a unit",
        "0x10                  | 'x' at character 2 is not a unit",
        "0.-0                  | '-' at character 3 is not a unit",
        "3.+1                  | '+' at character 3 is not a unit",
        "5secs                 | 's' at character 5 is not a number",
        "5hrs                  | 's' at character 4 is not a number",
        "'1 minute, 24 secs'   | ',' at character 9 is not a number",
        "'5 x'                 | 'x' at character 3 is not a number",
        "+                     | '+' at character 1 is not a number",
        "++5                   | '+' at character 1 is not a number",
        "'+ 5'                 | '+' at character 1 is not a number",
        "+.5                   | '+' at character 1 is not a number",
        "inf                   | 'i' at character 1 is not a number",
        "Infinity              | 'I' at character 1 is not a number",
        "h                     | 'h' at character 1 is not a number",
        "\u0663                | '\u0663' at character 1 is not a number",
        "3.                    | no digit after the '.' at character 2",
        "3.sec                 | no digit after the '.' at character 2",
        "'3. 1'                | no digit after the '.' at character 2",
        ".                     | no digit after the '.' at character 1",
        "infinity5             | '5' at character 9 after 'infinity', which stands alone",
        "'infinity s'          | 's' at character 10 after 'infinity', which stands alone"})
    void parseRejectsWhatSystemdRejectsAndSaysWhere(String text, String reason) {
        assertThat(TimeSpan.parse(text)).isEqualTo(new TimeSpan.Invalid(reason));
    }

    @Test
    void parseShowsAControlCharacterByItsCodePoint() {
        assertThat(TimeSpan.parse("5\u0000")).isEqualTo(new TimeSpan.Invalid("U+0000 at character 2 is not a unit"));
        assertThat(TimeSpan.parse("\u001b[31m")).isEqualTo(new TimeSpan.Invalid("U+001B at character 1 is not a number"));
    }

    /**
     * As systemd: a term's whole number must be below (2^64 - 1) / unit, which already refuses
     * 584542y (584542.04 years fit), and the sum must stay below 2^64 - 1.
     */
    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "99999999999999999999999", "584542y", "584541y 2y",
        "584541y 1.1y", "9223372036854775807us 9223372036854775807us 1us", "9223372036854775807s",
        "30500000000w"})
    void parseRejectsSpansOfTwoToTheSixtyFourMicrosecondsOrMore(String text) {
        assertThat(TimeSpan.parse(text)).isEqualTo(new TimeSpan.Invalid(OUT_OF_RANGE));
    }

    @ParameterizedTest
    @ValueSource(ints = {257, 1000, 1 << 20})
    void parseRefusesOverLongTextUnread(int length) {
        String text = "1".repeat(length);
        assertThat(TimeSpan.parse(text))
                .isEqualTo(new TimeSpan.Invalid("too long: " + length + " characters, at most 256"));
        assertThat(TimeSpan.charactersRead(text)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1s ", "1 s", "1s1s"})
    void parseAcceptsTheLongestTextAllowed(String term) {
        String text = term.repeat(256 / term.length()) + " ".repeat(256 % term.length());
        assertThat(text).hasSize(256);
        assertThat(TimeSpan.parse(text)).isInstanceOf(TimeSpan.Span.class);
    }
}
