package org.nvmexpress.discoverd.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.nvmexpress.discoverd.daemon.Candidate;
import org.nvmexpress.discoverd.daemon.Decision;
import org.nvmexpress.discoverd.daemon.Source;
import org.nvmexpress.discoverd.systemd.ConnectCommandPreview;
import org.nvmexpress.discoverd.tid.Role;

/**
 * One {@code --dry-run} line per decision (a contract: scripts and reviewers read it), a JSON object
 * with its keys in a fixed order:
 *
 * <ul>
 * <li>{@code start}: {@code action unit role tid owner sources argv credentials}, and
 *     {@code refused} when the connector would refuse the connection (then {@code argv} is empty);</li>
 * <li>{@code adopt}: {@code action unit role tid owner device sources}, and {@code record-owner}
 *     when the controller has no registry owner and the daemon would record one;</li>
 * <li>{@code skip}: {@code action role tid unit reason detail}, and {@code sources} for a candidate;
 *     {@code role}, {@code tid} and {@code unit} only when the input named them.</li>
 * </ul>
 *
 * Every kind ends with {@code note} when the decision has one. {@code role} is {@code dc} or
 * {@code ioc}, {@code tid} the canonical form, {@code sources} {@code FILE:LINE} or
 * {@code nbft:TABLE:DESCRIPTOR}. Nothing here is ever a secret: {@code argv} is built without them
 * and {@code credentials} holds only credential ids.
 *
 * <p>Single use, one thread.
 */
final class DecisionJson {
    private final ObjectMapper mapper;
    private final Supplier<ConnectCommandPreview> previewFactory;
    private ConnectCommandPreview preview;

    /**
     * @param previewFactory builds what makes the {@code argv} of start lines; called once, at the
     *                       first start line (with {@code connector = auto} it runs a probe)
     */
    DecisionJson(ObjectMapper mapper, Supplier<ConnectCommandPreview> previewFactory) {
        this.mapper = mapper;
        this.previewFactory = previewFactory;
    }

    ObjectNode toJson(Decision decision) {
        ObjectNode node;
        if (decision instanceof Decision.Start start) {
            node = start(start);
        } else if (decision instanceof Decision.Adopt adopt) {
            node = adopt(adopt);
        } else {
            node = skip((Decision.Skip) decision);
        }
        decision.note().ifPresent(note -> node.put("note", note));
        return node;
    }

    private ObjectNode start(Decision.Start start) {
        Candidate c = start.candidate();
        ObjectNode node = head("start", c);
        sources(node, c.sources());
        if (preview == null) {
            preview = previewFactory.get();
        }
        ConnectCommandPreview.Preview command = preview.preview(c.request());
        strings(node.putArray("argv"), command.argv());
        strings(node.putArray("credentials"), command.credentials());
        command.refusal().ifPresent(reason -> node.put("refused", reason));
        return node;
    }

    private ObjectNode adopt(Decision.Adopt adopt) {
        Candidate c = adopt.candidate();
        ObjectNode node = head("adopt", c);
        node.put("device", adopt.device().value());
        sources(node, c.sources());
        adopt.recordOwner().ifPresent(owner -> node.put("record-owner", owner));
        return node;
    }

    private ObjectNode skip(Decision.Skip skip) {
        ObjectNode node = mapper.createObjectNode();
        node.put("action", "skip");
        skip.role().ifPresent(role -> node.put("role", role(role)));
        skip.tid().ifPresent(tid -> {
            node.put("tid", tid.canonical());
            node.put("unit", tid.unitName().value());
        });
        node.put("reason", skip.reason().wireName());
        node.put("detail", skip.detail());
        skip.candidate().ifPresent(c -> sources(node, c.sources()));
        return node;
    }

    private ObjectNode head(String action, Candidate c) {
        ObjectNode node = mapper.createObjectNode();
        node.put("action", action);
        node.put("unit", c.unit().value());
        node.put("role", role(c.role()));
        node.put("tid", c.tid().canonical());
        node.put("owner", c.request().owner());
        return node;
    }

    private static void sources(ObjectNode node, List<Source> sources) {
        ArrayNode array = node.putArray("sources");
        sources.forEach(s -> array.add(s.describe()));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static String role(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}
