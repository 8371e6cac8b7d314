package org.mwnet.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.mwnet.data.SettingException;
import org.nd4j.linalg.api.buffer.DataType;

/** The floating-point type a run computes in: float for training, double for checks. Named as files write it. */
public enum Precision {
    /** 32-bit floats, for training. */
    FLOAT("float", DataType.FLOAT),
    /** 64-bit floats, for gradient checks and golden references. */
    DOUBLE("double", DataType.DOUBLE);

    private final String name;
    private final DataType dataType;

    Precision(String name, DataType dataType) {
        this.name = name;
        this.dataType = dataType;
    }

    /**
     * @param name "float" or "double"
     * @return the precision
     * @throws SettingException naming the accepted names when there is no such precision
     */
    @JsonCreator
    public static Precision of(String name) {
        return Arrays.stream(values()).filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new SettingException("{precision} must be float or double, got '" + name + "'"));
    }

    /** @return the ND4J type */
    public DataType dataType() {
        return dataType;
    }

    /** @return the name, as files write it */
    @JsonValue
    @Override
    public String toString() {
        return name;
    }
}
