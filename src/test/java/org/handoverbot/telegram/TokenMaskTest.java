package org.handoverbot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class TokenMaskTest {

    private final TokenMask mask = new TokenMask("123456:SECRET-part_abcdefghijklmnop");

    @Test
    void hidesTheWholeTokenAndItsSecretPartAlone() {
        assertThat(mask.mask("POST /bot123456:SECRET-part_abcdefghijklmnop/sendMessage failed"))
                .isEqualTo("POST /bot***/sendMessage failed");
        assertThat(mask.mask("token SECRET-part_abcdefghijklmnop leaked")).isEqualTo("token *** leaked");
    }

    @Test
    void describesAnErrorOnOneLineWithItsRootCauseMasked() {
        Exception error = new IllegalStateException("call to /bot123456:SECRET-part_abcdefghijklmnop/getMe",
                new IOException("reset by SECRET-part_abcdefghijklmnop"));
        assertThat(mask.describe(error)).isEqualTo("IllegalStateException: call to /bot***/getMe (IOException: reset by ***)");
    }
}
