/**
 * Moving values in and out safely: files written atomically (a temporary name, then a rename; killed writes cleaned
 * up), the one JSON mapper of metrics, checkpoints and command output, and the one way heap values are written into
 * ND4J arrays on both backends. Imports nothing else of mwnet: every other package may use it.
 */
package org.mwnet.io;
