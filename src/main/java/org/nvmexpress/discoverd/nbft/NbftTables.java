package org.nvmexpress.discoverd.nbft;

import java.util.List;

/**
 * What {@link NbftReader#readAll} found: the tables that parsed and the ones that were rejected,
 * each in file-name order.
 *
 * @param tables   the parsed tables (each with its own warnings)
 * @param rejected one problem per file that could not be read or broke a whole-table rule
 */
public record NbftTables(List<NbftTable> tables, List<NbftProblem> rejected) {
    public NbftTables {
        tables = List.copyOf(tables);
        rejected = List.copyOf(rejected);
    }
}
