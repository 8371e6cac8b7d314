package org.mwnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a set's location is written and told apart by format. */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void aCommaJoinsTwoNpyFilesOnlyAndOtherPathsKeepTheirCommas() {
        assertThat(InputFiles.parse("data/x.npy,data/y.npy")).isEqualTo(new InputFiles(Path.of("data/x.npy"),
                Path.of("data/y.npy")));
        assertThat(InputFiles.parse("a,b/x.NPY,a,b/y.npy").labels()).isEqualTo(Path.of("a,b/y.npy"));
        assertThat(InputFiles.parse("photos, 2024/train")).isEqualTo(new InputFiles(Path.of("photos, 2024/train"),
                null));
        assertThat(InputFiles.parse("x.npy,y.npy")).hasToString("x.npy,y.npy");
        assertThatThrownBy(() -> InputFiles.parse("x.npy,y.npy,z.npy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x.npy,y.npy,z.npy: 3 .npy files joined by commas; expected two, SAMPLES.npy,LABELS.npy");
    }

    @Test
    void theFormatComesFromTheFolderOrTheExtension() throws IOException {
        assertThat(InputFiles.parse(dir.toString()).format()).isEqualTo(InputFormat.FOLDER);
        assertThat(InputFiles.parse("t.CSV").format()).isEqualTo(InputFormat.CSV);
        assertThat(InputFiles.parse("x.npy,y.npy").format()).isEqualTo(InputFormat.NPY);
        assertThat(InputFiles.parse("d.npz").format()).isEqualTo(InputFormat.NPZ);
        assertThat(InputFormat.NPZ.settingsName()).isEqualTo(InputSettings.NPY);
        Path text = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> InputFiles.parse(text.toString()).format())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("is neither a folder nor a .csv");
    }
}
