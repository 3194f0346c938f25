package org.nvmexpress.discoverd.kernel.fabrics;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.nvmexpress.discoverd.kernel.ConnectIdentity;
import org.nvmexpress.discoverd.kernel.sysfs.LiveControllerLookup;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.tid.TransportId;

/** A {@link LiveControllerLookup} with scripted answers (none left: nothing found), recording its questions. */
final class FakeLiveControllerLookup implements LiveControllerLookup {
    /** One question the connector asked. */
    record Question(TransportId tid, ConnectIdentity identity) {
    }

    final Deque<Object> answers = new ArrayDeque<>();
    final List<Question> questions = new ArrayList<>();

    FakeLiveControllerLookup found(String device) {
        answers.add(Optional.of(new DeviceName(device)));
        return this;
    }

    FakeLiveControllerLookup nothing() {
        answers.add(Optional.empty());
        return this;
    }

    FakeLiveControllerLookup fail(String message) {
        answers.add(new IOException(message));
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<DeviceName> find(TransportId tid, ConnectIdentity identity) throws IOException {
        questions.add(new Question(tid, identity));
        Object answer = answers.isEmpty() ? Optional.empty() : answers.removeFirst();
        if (answer instanceof IOException e) {
            throw e;
        }
        return (Optional<DeviceName>) answer;
    }
}
