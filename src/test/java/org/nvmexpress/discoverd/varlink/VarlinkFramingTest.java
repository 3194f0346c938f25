package org.nvmexpress.discoverd.varlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The framing: {@link MessageReader} and {@link MessageWriter}. */
final class VarlinkFramingTest {
    private static final ObjectMapper JSON = VarlinkJson.mapper();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> readAll(InputStream in) throws IOException {
        MessageReader reader = new MessageReader(in, JSON);
        List<JsonNode> messages = new ArrayList<>();
        for (Optional<JsonNode> m = reader.next(); m.isPresent(); m = reader.next()) {
            messages.add(m.get());
        }
        return messages;
    }

    /** Hands out at most {@code chunk} bytes per read, as a socket may. */
    private static InputStream trickle(byte[] data, int chunk) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void nextReadsSeveralMessagesFromOneRead() throws IOException {
        List<JsonNode> messages = readAll(new ByteArrayInputStream(bytes("{\"a\":1}\0{\"b\":2}\0{}\0")));
        assertThat(messages).extracting(JsonNode::toString).containsExactly("{\"a\":1}", "{\"b\":2}", "{}");
    }

    @Test
    void nextJoinsAMessageSplitAcrossOneByteReads() throws IOException {
        List<JsonNode> messages = readAll(trickle(bytes("{\"method\":\"x.Y\"}\0{\"b\":[1,2]}\0"), 1));
        assertThat(messages).extracting(JsonNode::toString).containsExactly("{\"method\":\"x.Y\"}", "{\"b\":[1,2]}");
    }

    @Test
    void nextReadsTheSameMessagesWhereverTheStreamIsCut() throws IOException {
        byte[] data = bytes("{\"method\":\"org.nvmexpress.discoverd.GetStatus\",\"parameters\":{}}\0{\"x\":\"\u00e9\"}\0");
        List<JsonNode> whole = readAll(new ByteArrayInputStream(data));
        for (int cut = 0; cut <= data.length; cut++) {
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(Arrays.copyOf(data, cut)),
                    new ByteArrayInputStream(Arrays.copyOfRange(data, cut, data.length)));
            assertThat(readAll(in)).as("cut at %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void nextRejectsAStreamThatEndsInsideAMessageWhereverItIsCut() {
        byte[] data = bytes("{\"method\":\"x.Y\"}\0");
        for (int cut = 1; cut < data.length; cut++) {
            byte[] head = Arrays.copyOf(data, cut);
            assertThatThrownBy(() -> readAll(new ByteArrayInputStream(head))).as("cut at %d", cut)
                    .isInstanceOf(ProtocolException.class)
                    .hasMessage("connection closed inside a message (" + cut + " bytes)");
        }
    }

    @Test
    void nextIsEmptyAtTheEndOfAStreamBetweenMessages() throws IOException {
        assertThat(readAll(new ByteArrayInputStream(new byte[0]))).isEmpty();
    }

    @Test
    void nextRejectsInvalidJson() {
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes("{\"a\":}\0"))))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("invalid JSON: ");
    }

    @Test
    void nextRejectsAnEmptyMessageAndOneThatIsNoObject() {
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes("\0"))))
                .isInstanceOf(ProtocolException.class).hasMessage("message is not a JSON object");
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes("[1]\0"))))
                .isInstanceOf(ProtocolException.class).hasMessage("message is not a JSON object");
    }

    @Test
    void nextRejectsTwoObjectsWithoutTheirNul() {
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes("{} {}\0"))))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("invalid JSON: ");
    }

    @Test
    void nextRejectsDuplicateKeys() {
        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes("{\"a\":1,\"a\":2}\0"))))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("invalid JSON: ");
    }

    @Test
    void nextRejectsRandomBytes() {
        Random random = new Random(13);
        for (int round = 0; round < 200; round++) {
            byte[] junk = new byte[1 + random.nextInt(4096)];
            random.nextBytes(junk);
            junk[0] = (byte) 0xff; // never valid JSON's first byte, so every round is junk
            junk[junk.length - 1] = 0;
            assertThatThrownBy(() -> readAll(new ByteArrayInputStream(junk))).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void nextRejectsATwoMebibyteMessageWithoutBufferingAllOfIt() {
        CountingStream in = new CountingStream(2 << 20);
        assertThatThrownBy(() -> readAll(in)).isInstanceOf(ProtocolException.class)
                .hasMessage("message longer than 1048576 bytes");
        assertThat(in.served).isLessThan(MessageReader.MAX_MESSAGE_BYTES + 64 * 1024);
    }

    @Test
    void nextAcceptsAMessageOfExactlyTheCap() throws IOException {
        int cap = 64;
        String body = "{\"s\":\"" + "x".repeat(cap - 8) + "\"}";
        assertThat(bytes(body)).hasSize(cap);
        MessageReader reader = new MessageReader(new ByteArrayInputStream(bytes(body + "\0")), JSON, cap);
        assertThat(reader.next()).isPresent();
        MessageReader over = new MessageReader(new ByteArrayInputStream(bytes(body + " \0")), JSON, cap);
        assertThatThrownBy(over::next).isInstanceOf(ProtocolException.class).hasMessage("message longer than 64 bytes");
    }

    @Test
    void writerFramesWhatTheReaderReads() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageWriter writer = new MessageWriter(out, JSON);
        writer.write(JSON.readTree("{\"parameters\":{\"n\":1}}"));
        writer.write(JSON.readTree("{\"error\":\"a.B\"}"));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"parameters\":{\"n\":1}}\0{\"error\":\"a.B\"}\0");
    }

    /** A message of {@code length} bytes of '{' '"' 'a'... with no NUL, counting what is read. */
    private static final class CountingStream extends InputStream {
        private final int length;
        private int served;

        CountingStream(int length) {
            this.length = length;
        }

        @Override
        public int read() {
            return served < length ? (served++ == 0 ? '[' : ' ') : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, length - served);
            if (n <= 0) {
                return -1;
            }
            Arrays.fill(b, off, off + n, (byte) ' ');
            served += n;
            return n;
        }
    }
}
