package dev.aiaas.cli.access;

import dev.aiaas.cli.output.Cells;
import dev.aiaas.cli.output.TextTable;
import dev.aiaas.proto.access.v1.Grant;
import java.util.List;
import java.util.Locale;

/** Grants as the table output shows them. */
final class GrantView {

    private GrantView() {
    }

    static String list(List<Grant> grants) {
        if (grants.isEmpty()) {
            return "no roles granted in this project\n";
        }
        TextTable table = TextTable.of("SUBJECT", "ROLE", "PROJECT", "GRANTED BY", "GRANTED");
        for (Grant g : grants) {
            table.row(g.getSubject(), g.getRole().name().toLowerCase(Locale.ROOT), g.getProject(),
                    Cells.text(g.getGrantedBy()), Cells.time(g.getGrantedAt()));
        }
        return table.toString();
    }
}
