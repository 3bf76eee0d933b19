package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class IncomingCommandTest {

    @Test
    void readsTheNameTheBotItIsForAndTheArgument() {
        assertThat(IncomingCommand.parse("/subscribe عين الأسد")).contains(new IncomingCommand("subscribe", Optional.empty(), "عين الأسد"));
        assertThat(IncomingCommand.parse("/Start@Handover_Bot")).contains(new IncomingCommand("start", Optional.of("Handover_Bot"), ""));
    }

    @Test
    void aCommandForAnotherBotIsNotForThisOne() {
        IncomingCommand command = IncomingCommand.parse("/help@other_bot").orElseThrow();
        assertThat(command.isFor("handover_bot")).isFalse();
        assertThat(IncomingCommand.parse("/help").orElseThrow().isFor("handover_bot")).isTrue();
        assertThat(IncomingCommand.parse("/help@HANDOVER_bot").orElseThrow().isFor("handover_bot")).isTrue();
    }

    @Test
    void textThatOnlyStartsWithASlashIsNoCommand() {
        assertThat(IncomingCommand.parse("/ متى سلموا القائم")).isEmpty();
        assertThat(IncomingCommand.parse("/القائم")).isEmpty();
        assertThat(IncomingCommand.parse("متى /start")).isEmpty();
    }
}
