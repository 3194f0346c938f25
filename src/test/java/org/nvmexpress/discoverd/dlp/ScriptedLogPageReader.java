package org.nvmexpress.discoverd.dlp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A discovery controller in a test: serves Get Log Page commands from a page the test sets, and
 * records every command. The script can change the page after the Nth command (a fabric change
 * between reads), fail the Nth command, or bump the generation counter after every header read (a
 * DC whose log never settles). Bytes past the end of the page read as zero.
 */
final class ScriptedLogPageReader implements LogPageReader {
    private byte[] page;
    private boolean bumpGenctrAfterHeader;
    private final List<GetLogPageCommand> commands = new ArrayList<>();
    private final Map<Integer, byte[]> pagesAfter = new HashMap<>();
    private final Map<Integer, LogPageReadException> failures = new HashMap<>();

    ScriptedLogPageReader(byte[] page) {
        this.page = page.clone();
    }

    /** After command number {@code n} (1-based) has been served, the log page is {@code next}. */
    ScriptedLogPageReader changeAfter(int n, byte[] next) {
        pagesAfter.put(n, next.clone());
        return this;
    }

    /** Command number {@code n} (1-based) fails with {@code failure}. */
    ScriptedLogPageReader failOn(int n, LogPageReadException failure) {
        failures.put(n, failure);
        return this;
    }

    /** Every header read is followed by a new generation counter. */
    ScriptedLogPageReader bumpGenctrAfterEveryHeaderRead() {
        bumpGenctrAfterHeader = true;
        return this;
    }

    List<GetLogPageCommand> commands() {
        return List.copyOf(commands);
    }

    @Override
    public byte[] read(GetLogPageCommand command) throws LogPageReadException {
        commands.add(command);
        int n = commands.size();
        if (failures.containsKey(n)) {
            throw failures.get(n);
        }
        byte[] out = new byte[command.length()];
        if (command.offset() < page.length) {
            int from = (int) command.offset();
            System.arraycopy(page, from, out, 0, Math.min(out.length, page.length - from));
        }
        if (pagesAfter.containsKey(n)) {
            page = pagesAfter.get(n);
        }
        if (bumpGenctrAfterHeader && command.offset() == 0) {
            page = Arrays.copyOf(page, page.length);
            ByteBuffer b = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(0, b.getLong(0) + 1);
        }
        return out;
    }
}
