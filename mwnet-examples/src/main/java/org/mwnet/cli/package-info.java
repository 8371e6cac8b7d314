/**
 * The {@code mwnet} command line: the commands and their options, the mapping of settings to flags
 * ({@code Flags}), the checks in the flags' words, one-line errors and progress lines, and a training
 * run as the flags describe it: the user's files the file flags name, read and checked ({@code FileSets}), and the
 * run directory {@code --out} names, its refusals said in flags ({@code TrainRun}). The only package that names
 * flags; it may import every other package.
 */
package org.mwnet.cli;
