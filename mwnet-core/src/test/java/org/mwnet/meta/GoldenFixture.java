package org.mwnet.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.mwnet.nn.Network;
import org.mwnet.nn.Parameters;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One golden reference written by {@code src/test/python/make_golden.py}: a NumPy {@code .npz} (a zip of
 * {@code .npy} arrays) under {@code /golden/} on the test class path, holding a bilevel step's inputs in mwnet's
 * names and layouts and what PyTorch computed from them. Arrays are read in DOUBLE (inputs stored as float32 are
 * exact on their grid). A large derived array is stored at sampled flat positions {@code index/<name>}, with the
 * whole array's sum and sum of squares in {@code <quantity>.norms/<name>}; {@link #assertMatches} handles both.
 */
public final class GoldenFixture {
    /**
     * Agreement required of double-precision results, relative to the largest expected magnitude of each array.
     * The two implementations round differently (summation orders, direct or im2col convolution, fused or explicit
     * softmax), yet agree to 3e-14 relative on every quantity (measured on this machine) but one: the ResNet's
     * meta-gradient, at 7e-11. That one goes through SameDiff's gradient of its variance op, which in DOUBLE is off
     * by 3.7e-9 relative (2^-28, as if a constant were computed in float; a probe of {@code sd.variance} on a
     * [2, 3, 8, 8] input shows it) and reaches the meta-gradient through BatchNorm's look-ahead forward pass.
     * 1e-9 covers that with a margin of ten, while a wrong formula (a sign, a factor, a momentum, a missing term)
     * moves results by far more.
     */
    public static final double RELATIVE_TOLERANCE = 1e-9;
    /** Floor for arrays that are (nearly) zero everywhere, so their roundoff is not judged relative to nothing. */
    public static final double ABSOLUTE_TOLERANCE = 1e-14;

    private final String name;
    private final Map<String, INDArray> arrays;

    private GoldenFixture(String name, Map<String, INDArray> arrays) {
        this.name = name;
        this.arrays = arrays;
    }

    /**
     * @param model the fixture's name (mlp, lenet, resnet32, mlp-classaware, lenet-classaware)
     * @return its arrays, read from {@code /golden/<model>.npz}
     */
    public static GoldenFixture load(String model) {
        Map<String, INDArray> arrays = new HashMap<>();
        try (InputStream raw = GoldenFixture.class.getResourceAsStream("/golden/" + model + ".npz")) {
            if (raw == null) {
                throw new IllegalStateException("no golden fixture /golden/" + model + ".npz on the test class path");
            }
            ZipInputStream zip = new ZipInputStream(raw);
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String key = e.getName().substring(0, e.getName().length() - ".npy".length());
                arrays.put(key, Nd4j.createNpyFromByteArray(zip.readAllBytes()).castTo(DataType.DOUBLE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GoldenFixture(model, arrays);
    }

    /**
     * @param key an array's name in the fixture
     * @return that array in DOUBLE
     */
    public INDArray get(String key) {
        INDArray a = arrays.get(key);
        if (a == null) {
            throw new IllegalArgumentException(name + " fixture has no array '" + key + "'");
        }
        return a;
    }

    /**
     * @param key an array's name in the fixture
     * @return whether the fixture holds it
     */
    public boolean has(String key) {
        return arrays.containsKey(key);
    }

    /**
     * @param key a one-element array's name
     * @return its value
     */
    public double scalar(String key) {
        return get(key).getDouble(0);
    }

    /**
     * @param key an integer array's name (stored as int64)
     * @return its elements
     */
    public int[] integers(String key) {
        return get(key).toIntVector();
    }

    /**
     * The parameters stored under a prefix, checked against (and shaped as) a declaration.
     *
     * @param prefix "w/" or "theta/"
     * @param template freshly initialised parameters of the right names and shapes, overwritten and returned
     * @return the template holding the fixture's values
     */
    public Parameters parameters(String prefix, Parameters template) {
        Map<String, INDArray> saved = new HashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                saved.put(k.substring(prefix.length()), v);
            }
        });
        assertThat(saved.keySet()).as("%s parameters in the %s fixture", prefix, name)
                .containsExactlyInAnyOrderElementsOf(template.names());
        template.load(saved, name + " fixture");
        return template;
    }

    /**
     * @param net the classifier the fixture was made for
     * @return its parameters and buffers from the fixture, in DOUBLE
     */
    public Parameters classifier(Network net) {
        return parameters("w/", net.init(0, DataType.DOUBLE));
    }

    /**
     * @param vnet the weighting network the fixture was made for
     * @return its parameters theta from the fixture, in DOUBLE
     */
    public Parameters theta(WeightNet vnet) {
        return parameters("theta/", vnet.init(0, DataType.DOUBLE));
    }

    /**
     * Asserts that mwnet's value of a quantity matches PyTorch's: every element within
     * {@code RELATIVE_TOLERANCE * max|expected| + ABSOLUTE_TOLERANCE}; for a sampled array, the sampled elements so,
     * and the sum (against the bound {@code sqrt(n * sum of squares)} of sum|x|) and the sum of squares within the
     * relative tolerance too.
     *
     * @param quantity the fixture's key prefix without the slash (e.g. "lookahead"), or a whole key when param is null
     * @param param the parameter's name, or null when quantity is a whole key
     * @param actual mwnet's whole array
     */
    public void assertMatches(String quantity, String param, INDArray actual) {
        String key = param == null ? quantity : quantity + "/" + param;
        INDArray expected = get(key);
        INDArray index = param == null ? null : arrays.get("index/" + param);
        INDArray compared = actual.castTo(DataType.DOUBLE);
        if (index != null) {
            INDArray flat = compared.reshape(compared.length());
            double sum = flat.sumNumber().doubleValue();
            double squares = flat.mul(flat).sumNumber().doubleValue();
            INDArray norms = get(quantity + ".norms/" + param);
            double sumBound = Math.sqrt(flat.length() * norms.getDouble(1));
            assertWithin(key + " (sum)", norms.getDouble(0), sum, sumBound);
            assertWithin(key + " (sum of squares)", norms.getDouble(1), squares, Math.abs(norms.getDouble(1)));
            compared = Nd4j.createFromArray(java.util.Arrays.stream(index.toLongVector())
                    .mapToDouble(flat::getDouble).toArray());
        } else {
            assertThat(compared.shape()).as("%s: %s shape", name, key).isEqualTo(expected.shape());
        }
        double scale = expected.amaxNumber().doubleValue();
        double error = largestError(expected, compared);
        assertThat(error).as("%s: %s, largest error (scale %.3g)", name, key, scale)
                .isLessThanOrEqualTo(RELATIVE_TOLERANCE * scale + ABSOLUTE_TOLERANCE);
    }

    /**
     * How far mwnet's value of a quantity stored in full is from PyTorch's, for telling a fault's mismatch from
     * roundoff: the largest element error relative to the largest expected magnitude.
     *
     * @param key the quantity's whole key (e.g. "weights" or "meta_grad/vnet.fc2.weight")
     * @param actual mwnet's array
     * @return max|expected - actual| / max|expected|
     */
    public double relativeError(String key, INDArray actual) {
        INDArray expected = get(key);
        return largestError(expected, actual.castTo(DataType.DOUBLE)) / expected.amaxNumber().doubleValue();
    }

    private static double largestError(INDArray expected, INDArray actual) {
        return expected.sub(actual.reshape(expected.shape())).amaxNumber().doubleValue();
    }

    private void assertWithin(String what, double expected, double actual, double scale) {
        assertThat(Math.abs(actual - expected)).as("%s: %s, error (scale %.3g)", name, what, scale)
                .isLessThanOrEqualTo(RELATIVE_TOLERANCE * scale + ABSOLUTE_TOLERANCE);
    }
}
