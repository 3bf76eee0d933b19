package org.handoverbot.answer;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A font that has Arabic letters, for pictures. Java's logical fonts ("SansSerif") fall back to whatever the
 * machine has and may draw Arabic as empty boxes; a physical font with Arabic glyphs and shaping tables
 * (DejaVu Sans, in Debian's fonts-dejavu-core) is loaded by file where the usual packages put it, else found
 * among the installed families. Found once per JVM.
 */
public final class ArabicFont {

    /** Where Linux distributions install DejaVu Sans (Debian/Ubuntu, Fedora, Arch, Alpine). */
    private static final List<String> FILES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf");
    private static final List<String> FAMILIES = List.of("DejaVu Sans", "Noto Sans Arabic", "Noto Naskh Arabic",
            "FreeSans", "Arial", "Tahoma");
    /** What a picture must be able to show: the timeline picture's own title and axis, and digits. */
    static String sample() {
        ReplyCatalogue replies = ReplyCatalogue.arabic();
        return replies.text("timeline.picture.title") + "، " + replies.text("timeline.picture.axis") + " 2020";
    }

    private static final class Holder {
        static final Optional<Font> FONT = search();
    }

    private ArabicFont() {
    }

    /** The plain font at 1 pt (derive sizes from it), or empty when this machine has none with Arabic letters. */
    public static Optional<Font> find() {
        return Holder.FONT;
    }

    /** The font, or a clear failure naming the package that provides one. */
    public static Font require() {
        return Holder.FONT.orElseThrow(() -> new IllegalStateException(
                "no font with Arabic letters on this machine (install fonts-dejavu-core)"));
    }

    static Optional<Font> search() {
        String sample = sample();
        for (String file : FILES) {
            Path path = Path.of(file);
            if (Files.isReadable(path)) {
                try {
                    Font font = Font.createFont(Font.TRUETYPE_FONT, path.toFile());
                    if (font.canDisplayUpTo(sample) == -1) {
                        return Optional.of(font);
                    }
                } catch (FontFormatException | IOException e) {
                    // A damaged or unreadable file: try the next place.
                }
            }
        }
        Set<String> installed = new HashSet<>(Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
        return FAMILIES.stream().filter(installed::contains).map(f -> new Font(f, Font.PLAIN, 1))
                .filter(f -> f.canDisplayUpTo(sample) == -1).findFirst();
    }
}
