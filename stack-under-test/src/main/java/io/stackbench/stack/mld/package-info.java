/** Multicast Listener Discovery version 2 for a host: RFC 3810 (reports on join and leave, answers to queries). */
package io.stackbench.stack.mld;
