/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The exporter's event counters: a background thread subscribed to the
 * module's events group counts every notification, so that a path that
 * went unreachable and came back between two scrapes is still seen.
 */
#ifndef _SCTPNL_EXPORTER_EVENTS_H
#define _SCTPNL_EXPORTER_EVENTS_H

#include "metrics.h"

struct ev_counter;

/*
 * Start the thread.  NULL with errno set when the monitor cannot be
 * opened (EPERM without CAP_NET_ADMIN, SCTPNL_ENOFAMILY without the
 * module) or the thread cannot be started.  rcvbuf: bytes, 0 for the
 * library's default.
 */
struct ev_counter *ev_start(int rcvbuf);
/* A consistent copy of the counters (the mutex is held for the copy only). */
void ev_snapshot(struct ev_counter *c, struct mx_events *out);
/* Stop the thread and free everything; NULL is fine. */
void ev_stop(struct ev_counter *c);

#endif /* _SCTPNL_EXPORTER_EVENTS_H */
