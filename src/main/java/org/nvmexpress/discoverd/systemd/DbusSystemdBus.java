package org.nvmexpress.discoverd.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.IDisconnectCallback;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.matchrules.DBusMatchRule;
import org.freedesktop.dbus.matchrules.DBusMatchRuleBuilder;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.messages.Error;
import org.freedesktop.dbus.messages.Message;
import org.freedesktop.dbus.messages.MethodCall;
import org.freedesktop.dbus.types.Variant;
import org.nvmexpress.discoverd.tid.UnitName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SystemdBus} over dbus-java (reference §3.2): destination {@code org.freedesktop.systemd1},
 * object {@code /org/freedesktop/systemd1}, interface {@code org.freedesktop.systemd1.Manager}.
 *
 * <p>Calls are built with explicit signatures ({@link SystemdWire}) and sent as plain messages, so
 * each one can wait for its reply with this adapter's own timeout (dbus-java's proxies only know one
 * process-wide timeout). Every failure, dbus-java's checked and unchecked exceptions included,
 * becomes a {@link BusCallException} with the D-Bus error name at this boundary.
 *
 * <p><b>Threading:</b> calls from one thread at a time (the unit manager's runner); signals and the
 * loss notice arrive on dbus-java's threads. A replaced connection's late loss notice and
 * {@code NameOwnerChanged} signals are ignored.
 */
final class DbusSystemdBus implements SystemdBus {
    private static final Logger LOG = LoggerFactory.getLogger(DbusSystemdBus.class);

    static final String DESTINATION = "org.freedesktop.systemd1";
    static final String MANAGER_PATH = "/org/freedesktop/systemd1";
    static final String MANAGER = "org.freedesktop.systemd1.Manager";
    private static final String UNIT = "org.freedesktop.systemd1.Unit";
    private static final String SERVICE = "org.freedesktop.systemd1.Service";
    private static final String PROPERTIES = "org.freedesktop.DBus.Properties";
    private static final String BUS_DRIVER = "org.freedesktop.DBus";
    private static final String ALREADY_SUBSCRIBED = "org.freedesktop.systemd1.AlreadySubscribed";
    private static final String MODE = "replace";

    private final String address;
    private final Duration callTimeout;
    private final Object lock = new Object();
    /** The live connection, or null; guarded by {@code lock}. */
    private DBusConnection connection;

    DbusSystemdBus(String address, Duration callTimeout) {
        this.address = Objects.requireNonNull(address, "address");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    @Override
    public void connect(Listener listener) throws BusCallException {
        close();
        LossNotice notice = new LossNotice(listener);
        DBusConnection fresh;
        try {
            fresh = DBusConnectionBuilder.forAddress(address).withShared(false).withDisconnectCallback(notice).build();
        } catch (DBusException | RuntimeException e) {
            throw new BusCallException("Hello", BusCallException.DISCONNECTED,
                    "cannot connect to " + address + ": " + e.getMessage());
        }
        try {
            fresh.addGenericSigHandler(jobRemovedRule(), signal -> deliver(signal, listener));
            fresh.addGenericSigHandler(ownerChangedRule(), signal -> {
                if (notice.isCurrent()) {
                    deliverOwner(signal, listener);
                }
            });
        } catch (DBusException | RuntimeException e) {
            fresh.disconnect();
            throw new BusCallException("AddMatch", BusCallException.DISCONNECTED,
                    "cannot watch JobRemoved and NameOwnerChanged on " + address + ": " + e.getMessage());
        }
        synchronized (lock) {
            connection = fresh;
            notice.connection = fresh;
        }
        subscribe();
    }

    @Override
    public void subscribe() throws BusCallException {
        try {
            call(MANAGER_PATH, MANAGER, "Subscribe", null);
        } catch (BusCallException e) {
            // systemd keeps its subscribers across daemon-reexec: then we are subscribed, as wanted.
            if (!ALREADY_SUBSCRIBED.equals(e.errorName())) {
                throw e;
            }
        }
    }

    @Override
    public String startTransientUnit(UnitName unit, List<UnitProperty> properties) throws BusCallException {
        return jobPath("StartTransientUnit", call(MANAGER_PATH, MANAGER, "StartTransientUnit", "ssa(sv)a(sa(sv))",
                unit.value(), MODE, SystemdWire.properties(properties), List.of()));
    }

    @Override
    public String restartUnit(UnitName unit) throws BusCallException {
        return jobPath("RestartUnit", call(MANAGER_PATH, MANAGER, "RestartUnit", "ss", unit.value(), MODE));
    }

    @Override
    public String stopUnit(UnitName unit) throws BusCallException {
        return jobPath("StopUnit", call(MANAGER_PATH, MANAGER, "StopUnit", "ss", unit.value(), MODE));
    }

    @Override
    public void resetFailedUnit(UnitName unit) throws BusCallException {
        call(MANAGER_PATH, MANAGER, "ResetFailedUnit", "s", unit.value());
    }

    @Override
    public UnitStatus unitStatus(UnitName unit) throws BusCallException {
        String path = jobPath("GetUnit", call(MANAGER_PATH, MANAGER, "GetUnit", "s", unit.value()));
        String activeState = SystemdWire.text(property(path, UNIT, "ActiveState"));
        Optional<String> job = SystemdWire.job(property(path, UNIT, "Job"));
        String result = SystemdWire.text(property(path, SERVICE, "Result"));
        return new UnitStatus(activeState, result, job);
    }

    @Override
    public List<ListedUnit> listUnits(List<String> patterns) throws BusCallException {
        Object[] reply = call(MANAGER_PATH, MANAGER, "ListUnitsByPatterns", "asas", List.of(), patterns);
        return SystemdWire.listedUnits(reply);
    }

    @Override
    public void close() {
        DBusConnection old;
        synchronized (lock) {
            old = connection;
            connection = null;
        }
        if (old != null) {
            old.disconnect();
        }
    }

    private Object property(String path, String iface, String name) throws BusCallException {
        Object[] reply = call(path, PROPERTIES, "Get", "ss", iface, name);
        if (reply.length != 1 || !(reply[0] instanceof Variant<?> variant)) {
            throw malformed("Get", reply);
        }
        return variant.getValue();
    }

    /** One call with this adapter's timeout; the reply's arguments, or the error as an exception. */
    private Object[] call(String path, String iface, String member, String signature, Object... args)
            throws BusCallException {
        DBusConnection conn;
        synchronized (lock) {
            conn = connection;
        }
        if (conn == null || !conn.isConnected()) {
            throw new BusCallException(member, BusCallException.DISCONNECTED, "not connected to the system bus");
        }
        Message reply;
        try {
            MethodCall call = conn.getMessageFactory().createMethodCall(DESTINATION, path, iface, member, (byte) 0,
                    signature, args);
            conn.sendMessage(call);
            reply = call.getReply(callTimeout.toMillis());
        } catch (DBusException | RuntimeException e) {
            throw new BusCallException(member, conn.isConnected() ? "org.freedesktop.DBus.Error.Failed"
                    : BusCallException.DISCONNECTED, String.valueOf(e.getMessage()));
        }
        if (reply instanceof Error && isLocal(reply, conn) || reply == null && !conn.isConnected()) {
            // When the connection breaks, dbus-java fails the calls in flight with an error of its own
            // (named after the IOException), which never came through the bus: it has no sender.
            throw new BusCallException(member, BusCallException.DISCONNECTED,
                    "the bus connection closed before the reply");
        }
        if (reply == null) {
            throw new BusCallException(member, BusCallException.NO_REPLY,
                    "no reply within " + callTimeout.toMillis() + " ms");
        }
        return SystemdWire.replyArguments(member, reply);
    }

    private static boolean isLocal(Message reply, DBusConnection conn) {
        String sender = reply.getSource();
        return sender == null || sender.equals(conn.getUniqueName());
    }

    private static String jobPath(String member, Object[] reply) throws BusCallException {
        if (reply.length != 1 || !(reply[0] instanceof DBusPath path)) {
            throw malformed(member, reply);
        }
        return path.getPath();
    }

    static BusCallException malformed(String member, Object[] reply) {
        return new BusCallException(member, "org.freedesktop.DBus.Error.InvalidSignature",
                "unexpected reply: " + List.of(reply));
    }

    private static DBusMatchRule jobRemovedRule() {
        return DBusMatchRuleBuilder.create().withType("signal").withInterface(MANAGER).withMember("JobRemoved")
                .withPath(MANAGER_PATH).build();
    }

    /** {@code NameOwnerChanged} of systemd's name only; the bus driver sends it. */
    private static DBusMatchRule ownerChangedRule() {
        return DBusMatchRuleBuilder.create().withType("signal").withSender(BUS_DRIVER).withInterface(BUS_DRIVER)
                .withMember("NameOwnerChanged").withArg0123(0, DESTINATION).build();
    }

    /** {@code NameOwnerChanged(name, oldOwner, newOwner)}: an empty new owner means systemd left. */
    private static void deliverOwner(DBusSignal signal, Listener listener) {
        try {
            Object[] args = signal.getParameters();
            if (args.length == 3 && DESTINATION.equals(args[0]) && args[2] instanceof String owner) {
                if (owner.isEmpty()) {
                    listener.systemdLeft();
                } else {
                    listener.systemdJoined();
                }
            }
        } catch (DBusException e) {
            LOG.warn("ignoring an unreadable NameOwnerChanged signal: {}", e.getMessage());
        }
    }

    private static void deliver(DBusSignal signal, Listener listener) {
        try {
            Object[] args = signal.getParameters();
            if (args.length == 4 && args[1] instanceof DBusPath job && args[2] instanceof String unit
                    && args[3] instanceof String result) {
                listener.jobRemoved(job.getPath(), unit, result);
                return;
            }
            LOG.warn("ignoring a JobRemoved signal with unexpected arguments: {}", List.of(args));
        } catch (DBusException e) {
            LOG.warn("ignoring an unreadable JobRemoved signal: {}", e.getMessage());
        }
    }

    /** Reports the loss of the connection it belongs to, and only while that one is current. */
    private final class LossNotice implements IDisconnectCallback {
        private final Listener listener;
        /** Set once built; guarded by the adapter's lock. */
        private DBusConnection connection;

        LossNotice(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void disconnectOnError(IOException e) {
            if (isCurrent()) {
                listener.busLost(String.valueOf(e.getMessage()));
            }
        }

        /** True while the connection it belongs to is the adapter's current one. */
        boolean isCurrent() {
            synchronized (lock) {
                return connection != null && connection == DbusSystemdBus.this.connection;
            }
        }
    }
}
