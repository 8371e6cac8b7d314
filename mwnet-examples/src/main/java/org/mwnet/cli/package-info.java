/**
 * The {@code mwnet} command line: the commands and their options, the mapping of settings to flags
 * ({@code Flags}), one-line errors, run directories, and reading the user's files for a run. The only
 * package that names flags; it may import every other package.
 */
package org.mwnet.cli;
