package org.handoverbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.handoverbot.answer.TimelinePicture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `timeline --png FILE` writes the /timeline picture, drawn from the seeded database, for people to look at. */
class TimelineCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesThePictureOfTheSeededTimelineAsAPng() throws Exception {
        Path png = dir.resolve("out").resolve("timeline.png");
        int exit = Main.run("timeline", "--png", png.toString(), "--db", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath());

        assertThat(exit).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(TimelinePicture.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TimelinePicture.HEIGHT);
    }

    @Test
    void withoutTheFileOptionItSaysWhatIsMissing() {
        assertThat(Main.run("timeline")).isEqualTo(2);
    }
}
