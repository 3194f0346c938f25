package org.nvmexpress.discoverd.systemd;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** The part of {@code org.freedesktop.systemd1.Manager} the fake systemd exports. */
@DBusInterfaceName("org.freedesktop.systemd1.Manager")
public interface SystemdManagerInterface extends DBusInterface {

    @DBusMemberName("StartTransientUnit")
    DBusPath startTransientUnit(String name, String mode, List<Property> properties, List<AuxUnit> aux);

    @DBusMemberName("RestartUnit")
    DBusPath restartUnit(String name, String mode);

    @DBusMemberName("StopUnit")
    DBusPath stopUnit(String name, String mode);

    @DBusMemberName("ResetFailedUnit")
    void resetFailedUnit(String name);

    @DBusMemberName("GetUnit")
    DBusPath getUnit(String name);

    @DBusMemberName("Subscribe")
    void subscribe();

    @DBusMemberName("ListUnitsByPatterns")
    List<UnitEntry> listUnitsByPatterns(List<String> states, List<String> patterns);

    /** {@code (ssssssouso)}: one entry of {@code ListUnits*}. */
    final class UnitEntry extends Struct {
        @Position(0)
        public final String name;
        @Position(1)
        public final String description;
        @Position(2)
        public final String loadState;
        @Position(3)
        public final String activeState;
        @Position(4)
        public final String subState;
        @Position(5)
        public final String following;
        @Position(6)
        public final DBusPath unitPath;
        @Position(7)
        public final UInt32 jobId;
        @Position(8)
        public final String jobType;
        @Position(9)
        public final DBusPath jobPath;

        public UnitEntry(String name, String description, String loadState, String activeState, String subState,
                String following, DBusPath unitPath, UInt32 jobId, String jobType, DBusPath jobPath) {
            this.name = name;
            this.description = description;
            this.loadState = loadState;
            this.activeState = activeState;
            this.subState = subState;
            this.following = following;
            this.unitPath = unitPath;
            this.jobId = jobId;
            this.jobType = jobType;
            this.jobPath = jobPath;
        }
    }

    /** {@code (sv)}. */
    final class Property extends Struct {
        @Position(0)
        public final String name;
        @Position(1)
        public final Variant<?> value;

        public Property(String name, Variant<?> value) {
            this.name = name;
            this.value = value;
        }
    }

    /** {@code (sa(sv))}. */
    final class AuxUnit extends Struct {
        @Position(0)
        public final String name;
        @Position(1)
        public final List<Property> properties;

        public AuxUnit(String name, List<Property> properties) {
            this.name = name;
            this.properties = properties;
        }
    }

    /** {@code JobRemoved(u id, o job, s unit, s result)}. */
    final class JobRemoved extends DBusSignal {
        public JobRemoved(String path, UInt32 id, DBusPath job, String unit, String result) throws DBusException {
            super(path, id, job, unit, result);
        }
    }
}
