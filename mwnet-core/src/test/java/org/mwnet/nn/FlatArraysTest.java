package org.mwnet.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Named arrays to one flat buffer and back: every bit, shape and name survives Java serialization. */
class FlatArraysTest {
    private static Map<String, INDArray> arrays(DataType type) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("w", Nd4j.rand(type, 3, 4).subi(0.5).muli(1e-3));
        m.put("b", Nd4j.rand(type, 4).addi(Math.PI));
        m.put("a", Nd4j.rand(type, 2, 1, 3, 3));
        return m;
    }

    private static FlatArrays roundTrip(FlatArrays f) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(f);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (FlatArrays) in.readObject();
        }
    }

    @Test
    void floatAndDoubleArraysComeBackBitForBitInTheirShapesAndTypes() throws Exception {
        for (DataType type : List.of(DataType.FLOAT, DataType.DOUBLE)) {
            Map<String, INDArray> original = arrays(type);
            FlatArrays flat = roundTrip(FlatArrays.of(original));
            assertThat(type == DataType.FLOAT ? flat.floats() : flat.doubles()).as("one buffer of the arrays' type")
                    .isNotNull();
            assertThat(flat.names()).as("sorted").containsExactly("a", "b", "w");
            Map<String, INDArray> back = flat.toMap();
            assertThat(back.keySet()).containsExactly("a", "b", "w");
            original.forEach((name, a) -> {
                assertThat(back.get(name).shape()).isEqualTo(a.shape());
                assertThat(back.get(name).dataType()).isEqualTo(type);
                assertThat(back.get(name).data().asDouble()).containsExactly(a.data().asDouble());
            });
        }
    }

    @Test
    void valuesGoIntoParametersOfTheSameNamesAndAMissingOneIsNamed() {
        Map<String, INDArray> values = arrays(DataType.FLOAT);
        List<ParamSpec> specs = values.entrySet().stream()
                .map(e -> new ParamSpec(e.getKey(), e.getValue().shape(), Init.ZEROS, 1, true)).toList();
        Parameters p = Parameters.init(specs, 0, DataType.FLOAT);
        FlatArrays.of(values).into(p, "the driver");
        values.forEach((name, a) -> assertThat(p.get(name).data().asFloat()).containsExactly(a.data().asFloat()));

        values.remove("b");
        assertThatThrownBy(() -> FlatArrays.of(values).into(p, "the driver"))
                .hasMessage("the driver has no parameter 'b'");
    }
}
