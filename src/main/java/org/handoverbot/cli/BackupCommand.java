package org.handoverbot.cli;

import org.handoverbot.knowledge.Database;
import org.handoverbot.knowledge.H2Backup;
import picocli.CommandLine.Command;

/**
 * `backup FILE.zip`: a consistent copy of the database, also while the bot runs (it serves the file to this
 * process), read through once before it is called done. Exit codes: {@link BackupFileCommand}.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Backs the database up to a .zip file (also while the bot runs); `restore FILE` puts it back.")
public final class BackupCommand extends BackupFileCommand {

    @Override
    String run() {
        try (Database database = KnowledgeCommands.open(db)) {
            H2Backup.Summary summary = H2Backup.backup(database, file);
            return "wrote " + file + " (" + summary.bytes() + " bytes): " + summary.described();
        }
    }
}
