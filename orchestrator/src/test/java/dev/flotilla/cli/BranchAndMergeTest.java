package dev.flotilla.cli;

import dev.flotilla.cli.TestCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BranchAndMergeTest {

    @TempDir
    Path dir;

    TestCli cli;
    String v;

    @BeforeEach
    void projectWithOneLine() {
        cli = new TestCli(dir);
        cli.ok("init", "-q");
        v = cli.versions().toString();
        cli.ok("revision", "-m", "create account table", "--rev-id", "1975ea83b712");
        cli.ok("revision", "-m", "add a column", "--rev-id", "ae1027a6acf");
    }

    @Test
    void spliceStartsABranchAndHeadsListsBoth() {
        assertThat(cli.ok("revision", "-m", "shopping cart", "--rev-id", "27c6a30d7c24", "--head", "1975ea83b712",
                "--splice")).isEqualTo(v + "/27c6a30d7c24_shopping_cart.sql\n");
        assertThat(cli.ok("heads")).isEqualTo("""
                27c6a30d7c24 (head)
                ae1027a6acf (head)
                """);
        assertThat(cli.ok("branches")).isEqualTo("""
                1975ea83b712 (branchpoint)
                             -> 27c6a30d7c24 (head)
                             -> ae1027a6acf (head)

                """);
        assertThat(cli.ok("history")).isEqualTo("""
                1975ea83b712 -> 27c6a30d7c24 (head), shopping cart
                1975ea83b712 -> ae1027a6acf (head), add a column
                <base> -> 1975ea83b712 (branchpoint), create account table
                """);
    }

    @Test
    void verboseBranchesShowsTheBranchPointsEntryAndEachBranchWithItsMessage() {
        cli.ok("revision", "-m", "shopping cart", "--rev-id", "27c6a30d7c24", "--head", "1975", "--splice");
        assertThat(cli.ok("branches", "-v")).isEqualTo("""
                Rev: 1975ea83b712 (branchpoint)
                Parent: <base>
                Branches into: 27c6a30d7c24, ae1027a6acf
                Path: %s/1975ea83b712_create_account_table.sql

                    create account table
                   \s
                    Revision ID: 1975ea83b712
                    Revises:\s
                    Create Date: %s

                             -> 27c6a30d7c24 (head), shopping cart
                             -> ae1027a6acf (head), add a column

                """.formatted(v, TestCli.CREATE_DATE));
    }

    @Test
    void revisionWithoutHeadIsRefusedWhenThereAreTwoHeadsAndWritesNothing() {
        cli.ok("revision", "-m", "shopping cart", "--rev-id", "27c6a30d7c24", "--head", "1975ea83b712", "--splice",
                "--branch-label", "shoppingcart");
        Result result = cli.run("revision", "-m", "next");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
                error: Multiple heads are present; please specify the head revision on which the new revision\
                 should be based, or perform a merge.
                  27c6a30d7c24 (shoppingcart)
                  ae1027a6acf
                Pass --head REV (or --head LABEL@head), or merge them with `flotilla merge -m MESSAGE heads`.
                """);
        assertThat(cli.revisionFiles()).hasSize(3);
    }

    @Test
    void mergeHeadsJoinsTheBranchesAndHistoryMarksTheMergePoint() {
        cli.ok("revision", "-m", "shopping cart", "--rev-id", "27c6a30d7c24", "--head", "1975ea83b712", "--splice");
        assertThat(cli.ok("merge", "-m", "merge cart and column", "--rev-id", "53fffde5ad5", "heads"))
                .isEqualTo(v + "/53fffde5ad5_merge_cart_and_column.sql\n");
        assertThat(cli.ok("heads")).isEqualTo("53fffde5ad5 (head)\n");
        assertThat(cli.ok("history")).isEqualTo("""
                27c6a30d7c24, ae1027a6acf -> 53fffde5ad5 (head) (mergepoint), merge cart and column
                1975ea83b712 -> 27c6a30d7c24, shopping cart
                1975ea83b712 -> ae1027a6acf, add a column
                <base> -> 1975ea83b712 (branchpoint), create account table
                """);
        assertThat(cli.ok("show", "53ff")).isEqualTo("""
                Rev: 53fffde5ad5 (head) (mergepoint)
                Merges: 27c6a30d7c24, ae1027a6acf
                Path: %s/53fffde5ad5_merge_cart_and_column.sql

                    merge cart and column
                   \s
                    Revision ID: 53fffde5ad5
                    Revises: 27c6a30d7c24, ae1027a6acf
                    Create Date: %s

                """.formatted(v, TestCli.CREATE_DATE));
        assertThat(cli.ok("revision", "-m", "after the merge", "--rev-id", "fff1"))
                .isEqualTo(v + "/fff1_after_the_merge.sql\n");
    }

    @Test
    void mergeOfNamedRevisionsKeepsTheOrderGivenAndTakesABranchLabel() throws Exception {
        cli.ok("revision", "-m", "shopping cart", "--rev-id", "27c6a30d7c24", "--head", "1975ea83b712", "--splice");
        cli.ok("merge", "-m", "joined", "--rev-id", "53fffde5ad5", "--branch-label", "joined", "ae10", "27c6");
        assertThat(Files.readString(cli.versions().resolve("53fffde5ad5_joined.sql")))
                .contains("-- down_revision: ae1027a6acf, 27c6a30d7c24\n-- branch_labels: joined\n");
        assertThat(cli.ok("heads")).isEqualTo("53fffde5ad5 (joined) (head)\n");
    }

    @Test
    void mergeRefusesTheSameRevisionTwiceAndARevisionThatIsNotAHead() {
        cli.ok("revision", "-m", "shopping cart", "--rev-id", "27c6a30d7c24", "--head", "1975ea83b712", "--splice");
        Result twice = cli.run("merge", "-m", "x", "27c6", "27c6a30d7c24");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).isEqualTo("error: Duplicate head revisions specified\n");
        Result notHead = cli.run("merge", "-m", "x", "1975", "27c6");
        assertThat(notHead.exitCode()).isEqualTo(2);
        assertThat(notHead.err()).startsWith("error: Revision 1975ea83b712 is not a head revision");
        assertThat(cli.revisionFiles()).hasSize(3);
    }

    @Test
    void aBranchLabelNamesItsBranchAndLabelAtHeadExtendsIt() {
        cli.ok("revision", "-m", "shopping cart", "--rev-id", "27c6a30d7c24", "--head", "1975ea83b712", "--splice",
                "--branch-label", "shoppingcart");
        assertThat(cli.ok("revision", "-m", "add cart items", "--rev-id", "d747a8a8879", "--head", "shoppingcart@head"))
                .isEqualTo(v + "/d747a8a8879_add_cart_items.sql\n");
        assertThat(cli.ok("heads")).isEqualTo("""
                ae1027a6acf (head)
                d747a8a8879 (shoppingcart) (head)
                """);
        assertThat(cli.ok("history", "-r", "shoppingcart@base:shoppingcart@head")).isEqualTo("""
                27c6a30d7c24 -> d747a8a8879 (shoppingcart) (head), add cart items
                1975ea83b712 -> 27c6a30d7c24 (shoppingcart), shopping cart
                <base> -> 1975ea83b712 (branchpoint), create account table
                """); // as Alembic: LABEL@base is the base of the branch's whole lineage
        assertThat(cli.ok("show", "shoppingcart@head")).startsWith("""
                Rev: d747a8a8879 (head)
                Parent: 27c6a30d7c24
                Branch names: shoppingcart
                Path:""");
    }

    @Test
    void dependsOnShowsInHistoryAndAHeadThatIsDependedOnIsAnEffectiveHead() throws Exception {
        cli.ok("revision", "-m", "networking", "--rev-id", "3cac04ae8714", "--head", "base", "--branch-label", "networking");
        cli.ok("revision", "-m", "ip addresses", "--rev-id", "55af2cb1c267", "--head", "networking@head",
                "--depends-on", "ae10", "--depends-on", "networking");
        assertThat(Files.readString(cli.versions().resolve("55af2cb1c267_ip_addresses.sql")))
                .contains("-- depends_on: ae1027a6acf, networking\n");
        assertThat(cli.ok("history")).isEqualTo("""
                3cac04ae8714 (ae1027a6acf, networking) -> 55af2cb1c267 (networking) (head), ip addresses
                <base> -> 3cac04ae8714 (networking), networking
                1975ea83b712 -> ae1027a6acf (effective head), add a column
                <base> -> 1975ea83b712, create account table
                """);
        assertThat(cli.ok("heads")).isEqualTo("""
                55af2cb1c267 (networking) (head)
                ae1027a6acf (effective head)
                """);
        assertThat(cli.ok("heads", "--resolve-dependencies")).isEqualTo("55af2cb1c267 (networking) (head)\n");
        assertThat(cli.ok("show", "55af")).startsWith("""
                Rev: 55af2cb1c267 (head)
                Parent: 3cac04ae8714
                Also depends on: ae1027a6acf, networking
                Branch names: networking
                """);
    }

    @Test
    void anUnknownDependencyIsRefused() {
        Result result = cli.run("revision", "-m", "x", "--depends-on", "nosuchrev");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Can't locate revision identified by 'nosuchrev'");
        assertThat(cli.revisionFiles()).hasSize(2);
    }
}
