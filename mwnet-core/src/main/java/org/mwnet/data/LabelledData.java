package org.mwnet.data;

import java.util.List;

/**
 * A dataset read from a user's files, with what the files said about it: the class names (index = label) and one
 * id per sample (a relative file path or a row number), the ids of inputs that were skipped as unreadable or as not
 * images, and for a CSV table the feature columns in order.
 *
 * @param data the samples; observed and clean labels are equal (the files' labels are all mwnet knows)
 * @param classes class names, label {@code c} is {@code classes.get(c)}
 * @param ids one id per sample, in the dataset's order
 * @param skipped ids of inputs skipped because they could not be read (empty unless skipping was asked for)
 * @param notImages ids of the files of an image folder left out because they are not images, by the rule
 *     {@link ImageFolders} states (empty for other formats)
 * @param columns the feature columns of a CSV table, in the samples' order (empty for other formats)
 */
public record LabelledData(Dataset data, List<String> classes, List<String> ids, List<String> skipped,
                           List<String> notImages, List<String> columns) {
    /** Copies the lists and checks they fit the data. */
    public LabelledData {
        classes = List.copyOf(classes);
        ids = List.copyOf(ids);
        skipped = List.copyOf(skipped);
        notImages = List.copyOf(notImages);
        columns = List.copyOf(columns);
        if (classes.size() != data.numClasses() || ids.size() != data.size()) {
            throw new IllegalArgumentException(data + ": " + classes.size() + " class names and " + ids.size()
                    + " ids do not fit " + data.numClasses() + " classes and " + data.size() + " samples");
        }
    }

    /**
     * @param data the samples
     * @param classes class names
     * @param ids sample ids
     * @return the data with nothing skipped
     */
    public static LabelledData of(Dataset data, List<String> classes, List<String> ids) {
        return new LabelledData(data, classes, ids, List.of(), List.of(), List.of());
    }

    /**
     * @param indices sample indices, in the order wanted
     * @return those samples with their ids (the skipped ids and the names kept)
     */
    public LabelledData subset(int[] indices) {
        return new LabelledData(data.subset(indices), classes, java.util.Arrays.stream(indices).mapToObj(ids::get)
                .toList(), skipped, notImages, columns);
    }

    /**
     * @param replaced the same samples, e.g. normalised or relabelled
     * @return a copy with those samples and the same names, ids and columns
     */
    public LabelledData withData(Dataset replaced) {
        return new LabelledData(replaced, classes, ids, skipped, notImages, columns);
    }
}
