package org.nvmexpress.discoverd.systemd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * The journal fields of one log event: {@code PRIORITY}, {@code SYSLOG_IDENTIFIER},
 * {@code MESSAGE} (with the stack trace, if any, on the following lines), the structured
 * {@code NVME_*} fields, and for warnings and errors {@code CODE_FILE}, {@code CODE_LINE},
 * {@code CODE_FUNC}.
 *
 * <p>Structured fields: the keys {@link #TID}, {@link #UNIT} and {@link #DEVICE}, given as slf4j
 * key-value pairs ({@code log.atInfo().addKeyValue(JournalEventFields.TID, tid.compact())}) or as
 * MDC entries (a pair wins over the MDC), become the fields of the same name. Other keys are not
 * sent: the journal is no place for arbitrary data.
 *
 * <p>Caller data costs a stack walk per event, so it is asked for only for warnings and errors,
 * which are rare and where "which line said this" matters.
 */
public final class JournalEventFields {
    /** Key of the TID's compact form; journal field {@code NVME_TID}. */
    public static final String TID = "NVME_TID";
    /** Key of the connection's unit name; journal field {@code NVME_UNIT}. */
    public static final String UNIT = "NVME_UNIT";
    /** Key of the controller's device name ({@code nvme3}); journal field {@code NVME_DEVICE}. */
    public static final String DEVICE = "NVME_DEVICE";

    private static final List<String> STRUCTURED = List.of(TID, UNIT, DEVICE);

    private JournalEventFields() {
    }

    /** The fields of {@code event}, sent under {@code identifier} ({@code SYSLOG_IDENTIFIER}). */
    public static List<JournalField> of(ILoggingEvent event, String identifier) {
        List<JournalField> fields = new ArrayList<>(8);
        fields.add(new JournalField("PRIORITY", Integer.toString(JournalPrefixLayout.syslogPriority(event.getLevel()))));
        fields.add(new JournalField("SYSLOG_IDENTIFIER", identifier));
        fields.add(new JournalField("MESSAGE", message(event)));
        for (String key : STRUCTURED) {
            String value = structured(event, key);
            if (value != null) {
                fields.add(new JournalField(key, value));
            }
        }
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            addCaller(event, fields);
        }
        return fields;
    }

    private static String message(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown == null) {
            return message;
        }
        String trace = ThrowableProxyUtil.asString(thrown);
        return message + "\n" + (trace.endsWith("\n") ? trace.substring(0, trace.length() - 1) : trace);
    }

    private static String structured(ILoggingEvent event, String key) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (key.equals(pair.key) && pair.value != null) {
                    return pair.value.toString();
                }
            }
        }
        Map<String, String> mdc = event.getMDCPropertyMap();
        return mdc == null ? null : mdc.get(key);
    }

    private static void addCaller(ILoggingEvent event, List<JournalField> fields) {
        StackTraceElement[] caller = event.getCallerData();
        if (caller == null || caller.length == 0) {
            return;
        }
        StackTraceElement frame = caller[0];
        if (frame.getFileName() != null) {
            fields.add(new JournalField("CODE_FILE", frame.getFileName()));
        }
        if (frame.getLineNumber() > 0) {
            fields.add(new JournalField("CODE_LINE", Integer.toString(frame.getLineNumber())));
        }
        fields.add(new JournalField("CODE_FUNC", frame.getClassName() + "." + frame.getMethodName()));
    }
}
