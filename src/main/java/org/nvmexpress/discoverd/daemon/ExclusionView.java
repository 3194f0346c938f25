package org.nvmexpress.discoverd.daemon;

import java.util.List;
import org.nvmexpress.discoverd.exclusion.MatchResult;
import org.nvmexpress.discoverd.tid.TransportId;

/**
 * The exclusion lists as the connect gate sees them (reference §11.5): one question, so the loop can
 * pass an {@link org.nvmexpress.discoverd.exclusion.ExclusionSnapshot} read once per pass
 * ({@code snapshot::match}), a test a lambda.
 * Fail-open by contract: what cannot be read excludes nothing (reported in
 * {@link MatchResult#skipped()}).
 */
@FunctionalInterface
public interface ExclusionView {

    /** Nothing is excluded. */
    ExclusionView NONE = tid -> new MatchResult.NotExcluded(List.of());

    MatchResult match(TransportId tid);
}
