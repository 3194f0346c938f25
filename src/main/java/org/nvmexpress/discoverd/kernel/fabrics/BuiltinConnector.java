package org.nvmexpress.discoverd.kernel.fabrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.nvmexpress.discoverd.kernel.Errno;
import org.nvmexpress.discoverd.kernel.ErrnoException;
import org.nvmexpress.discoverd.kernel.sysfs.LiveControllerLookup;
import org.nvmexpress.discoverd.registry.AttributeName;
import org.nvmexpress.discoverd.registry.DeviceName;
import org.nvmexpress.discoverd.registry.Registry;
import org.nvmexpress.discoverd.registry.RegistryException;

/**
 * The built-in connector (ARCHITECTURE §6): {@code nvme connect --idempotent --owner --devid-file}
 * in Java, with the semantics of reference §3.4 and §10.4.
 *
 * <ol>
 * <li>The devid file is opened first, before the kernel is touched ({@link DevidFile}).</li>
 * <li>Unless {@code duplicate_connect} is asked for, a live controller that realises the TID is
 * looked for ({@link LiveControllerLookup}); if there is one, the connect is "already connected":
 * success when idempotent, {@link ConnectFailure#ALREADY_CONNECTED} otherwise.</li>
 * <li>Otherwise every option must be in the kernel's option table ({@link FabricsDevice#probe()}),
 * then the options are written to {@code /dev/nvme-fabrics} and the reply names the new controller.
 * The kernel's own duplicate check (EALREADY: another connect won a race) leads to a second lookup,
 * and to "already connected" when it finds the winner.</li>
 * <li>The registry entry is written: for a new controller, {@code owner} + {@code seqnum} with an
 * owner, else any stale entry of the reused instance number deleted. A registry failure is a
 * warning, as upstream.</li>
 * <li>On success the devid file is truncated and given {@code nvmeN\n}.</li>
 * </ol>
 *
 * <p>Where this differs from upstream on purpose: for a controller that was already connected, the
 * registry entry is written only when it has no owner yet; an entry owned by another orchestrator
 * is left alone (with a warning) and an entry of our own is kept as it is, notes included. Upstream
 * overwrites it, silently taking over a controller another orchestrator connected (reference §3.4,
 * [ROUGH] on {@code --owner}); and without an owner, an existing controller's entry is not stale
 * and is not deleted.
 *
 * <p>Not thread-safe; one connect at a time per instance. Blocks on the kernel's connect, which can
 * take as long as the transport's connect timeout.
 */
public final class BuiltinConnector {
    private final FabricsDevice fabrics;
    private final LiveControllerLookup lookup;
    private final Registry registry;

    public BuiltinConnector(FabricsDevice fabrics, LiveControllerLookup lookup, Registry registry) {
        this.fabrics = Objects.requireNonNull(fabrics, "fabrics");
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Connects, or finds the connection up already. Never throws for a failure of the system. */
    public ConnectOutcome connect(ConnectRequest request) {
        Objects.requireNonNull(request, "request");
        Attempt attempt = new Attempt(request);
        FabricsOptions options;
        try {
            options = request.options();
        } catch (ConnectArgumentException e) {
            return attempt.failed(ConnectFailure.BAD_ARGUMENTS, e.getMessage());
        }
        if (request.devidFile().isPresent()) {
            try {
                attempt.devid = DevidFile.open(request.devidFile().get());
            } catch (IOException e) {
                return attempt.failed(ConnectFailure.FAILED, e.getMessage());
            }
        }
        ConnectOutcome outcome;
        try {
            outcome = connectWith(attempt, options);
        } catch (RuntimeException e) {
            attempt.closeDevidAfter(e);
            throw e;
        }
        return attempt.closeDevid(outcome);
    }

    private ConnectOutcome connectWith(Attempt attempt, FabricsOptions options) {
        if (!attempt.request.duplicateConnect()) {
            Optional<DeviceName> existing = find(attempt);
            if (existing.isPresent()) {
                return alreadyConnected(attempt, existing.get());
            }
        }
        KernelOptionTable table;
        try {
            table = fabrics.probe();
        } catch (ErrnoException e) {
            return attempt.failed(ConnectFailure.FAILED, "cannot read the kernel's connect options: " + e.getMessage()
                    + (e.errno().equals(Errno.ENOENT) ? " (is the nvme-fabrics module loaded?)" : ""));
        }
        List<FabricsOption> unsupported = options.unsupportedBy(table);
        if (!unsupported.isEmpty()) {
            return attempt.failed(ConnectFailure.BAD_ARGUMENTS, "this kernel does not support the option "
                    + unsupported.stream().map(o -> "'" + o.token() + "'").collect(Collectors.joining(", "))
                    + " (not in the option table of /dev/nvme-fabrics)");
        }
        String reply;
        try {
            reply = fabrics.connect(options);
        } catch (ErrnoException e) {
            return rejected(attempt, e);
        }
        Optional<ConnectReply> parsed = ConnectReply.parse(reply);
        if (parsed.isEmpty()) {
            return attempt.failed(ConnectFailure.FAILED, "the kernel's reply is not 'instance=N,cntlid=M': '"
                    + abbreviate(reply.strip()) + "'");
        }
        return connected(attempt, parsed.get());
    }

    private ConnectOutcome rejected(Attempt attempt, ErrnoException e) {
        ConnectFailure reason = ConnectFailure.of(e.errno());
        if (reason == ConnectFailure.ALREADY_CONNECTED) {
            // Another connect won the race between our lookup and our write (reference §10.4 case 3).
            Optional<DeviceName> winner = find(attempt);
            if (winner.isPresent()) {
                return alreadyConnected(attempt, winner.get());
            }
        }
        return attempt.failed(reason, reason.describe() + ": " + e.getMessage());
    }

    private ConnectOutcome connected(Attempt attempt, ConnectReply reply) {
        DeviceName device = reply.device();
        recordNewController(attempt, device);
        Optional<String> devidProblem = attempt.writeDevid(device);
        if (devidProblem.isPresent()) {
            return attempt.failed(device, ConnectFailure.FAILED, "connected, but " + devidProblem.get());
        }
        return new ConnectOutcome.Connected(device, reply.cntlid(),
                attempt.subject(device) + " - connected (cntlid " + reply.cntlid() + ")", attempt.warnings);
    }

    private ConnectOutcome alreadyConnected(Attempt attempt, DeviceName device) {
        recordExistingController(attempt, device);
        if (!attempt.request.idempotent()) {
            return attempt.failed(device, ConnectFailure.ALREADY_CONNECTED, "already connected");
        }
        Optional<String> devidProblem = attempt.writeDevid(device);
        if (devidProblem.isPresent()) {
            return attempt.failed(device, ConnectFailure.FAILED, "already connected, but " + devidProblem.get());
        }
        return new ConnectOutcome.AlreadyConnected(device, attempt.subject(device) + " - already connected",
                attempt.warnings);
    }

    private Optional<DeviceName> find(Attempt attempt) {
        try {
            return lookup.find(attempt.request.tid(), attempt.request.identity());
        } catch (IOException e) {
            attempt.warn(null, "cannot look for a controller already connected, connecting anyway: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A new controller: a previous entry for its instance number is stale by definition. */
    private void recordNewController(Attempt attempt, DeviceName device) {
        Optional<String> owner = attempt.request.owner();
        try {
            if (owner.isPresent()) {
                registry.create(device, owner.get());
            } else {
                registry.deleteIfPresent(device);
            }
        } catch (RegistryException e) {
            attempt.warn(device, "registry entry not written: " + e.getMessage());
        }
    }

    /** An existing controller: take it only when nobody owns it yet. */
    private void recordExistingController(Attempt attempt, DeviceName device) {
        Optional<String> owner = attempt.request.owner();
        if (owner.isEmpty()) {
            return;
        }
        try {
            Optional<String> current = registry.retrieve(device, AttributeName.OWNER);
            if (current.isEmpty()) {
                registry.create(device, owner.get());
            } else if (!current.get().equals(owner.get())) {
                attempt.warn(device, "owned by '" + current.get() + "', not '" + owner.get()
                        + "': registry entry left unchanged");
            }
        } catch (RegistryException e) {
            attempt.warn(device, "registry entry not written: " + e.getMessage());
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** The state of one connect: the request, the open devid file, the warnings so far. */
    private static final class Attempt {
        final ConnectRequest request;
        final List<String> warnings = new ArrayList<>();
        DevidFile devid;

        Attempt(ConnectRequest request) {
            this.request = request;
        }

        String subject(DeviceName device) {
            return request.tid().compact() + (device == null ? "" : " | " + device);
        }

        void warn(DeviceName device, String what) {
            warnings.add(subject(device) + " - " + what);
        }

        ConnectOutcome failed(ConnectFailure reason, String what) {
            return failed(null, reason, what);
        }

        ConnectOutcome failed(DeviceName device, ConnectFailure reason, String what) {
            return new ConnectOutcome.Failed(reason, subject(device) + " - " + what, warnings);
        }

        /** Writes the devid file if there is one; the problem, if that failed. */
        Optional<String> writeDevid(DeviceName device) {
            if (devid == null) {
                return Optional.empty();
            }
            try {
                devid.write(device);
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(e.getMessage());
            }
        }

        /** Closes the devid file; a failure to close joins the outcome's warnings. */
        ConnectOutcome closeDevid(ConnectOutcome outcome) {
            if (devid == null) {
                return outcome;
            }
            try {
                devid.close();
                return outcome;
            } catch (IOException e) {
                return outcome.withWarning(subject(null) + " - cannot close devid file " + devid.path() + ": "
                        + e.getMessage());
            }
        }

        /** Closes the devid file on the way out of a bug, keeping a close failure with it. */
        void closeDevidAfter(RuntimeException bug) {
            if (devid != null) {
                try {
                    devid.close();
                } catch (IOException e) {
                    bug.addSuppressed(e);
                }
            }
        }
    }
}
