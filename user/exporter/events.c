// SPDX-License-Identifier: GPL-2.0
/*
 * Event counting thread of sctpnl-exporter.  It polls the monitor socket
 * and a stop pipe; the counters are shared with the HTTP thread under one
 * mutex that is held only to add one event or to copy the counters, so a
 * burst of events never delays a scrape, nor a slow scrape the events.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "events.h"

struct ev_counter {
	struct sctpnl_mon *mon;
	pthread_t thread;
	int stop[2];			/* pipe: the write end ends the thread */
	pthread_mutex_t lock;
	struct mx_events ev;
};

static int on_assoc_change(const struct sctpnl_event *e, void *arg)
{
	struct ev_counter *c = arg;
	uint32_t st = e->u.assoc_change.state;

	pthread_mutex_lock(&c->lock);
	if (st < MX_ASSOC_CHANGE_STATES)
		c->ev.assoc_change[st]++;
	else
		c->ev.other++;
	pthread_mutex_unlock(&c->lock);
	return 0;
}

static int on_paddr_change(const struct sctpnl_event *e, void *arg)
{
	struct ev_counter *c = arg;
	uint32_t st = e->u.paddr_change.state;

	pthread_mutex_lock(&c->lock);
	if (st < MX_PADDR_CHANGE_STATES)
		c->ev.paddr_change[st]++;
	else
		c->ev.other++;
	pthread_mutex_unlock(&c->lock);
	return 0;
}

static int on_event(const struct sctpnl_event *e, void *arg)
{
	struct ev_counter *c = arg;

	pthread_mutex_lock(&c->lock);
	switch (e->type) {
	case SCTPNL_CMD_EVENT_REMOTE_ERROR:
		c->ev.remote_error++;
		break;
	case SCTPNL_CMD_EVENT_SEND_FAILED:
		c->ev.send_failed++;
		break;
	case SCTPNL_CMD_EVENT_SHUTDOWN:
		c->ev.shutdown++;
		break;
	default:
		c->ev.other++;
	}
	pthread_mutex_unlock(&c->lock);
	return 0;
}

/* The library gives totals since the monitor opened: keep the latest. */
static int on_lost(void *arg, uint64_t overruns, uint64_t kernel_lost)
{
	struct ev_counter *c = arg;

	pthread_mutex_lock(&c->lock);
	c->ev.overruns = overruns;
	c->ev.kernel_lost = kernel_lost;
	pthread_mutex_unlock(&c->lock);
	return 0;
}

static const struct sctpnl_mon_cb callbacks = {
	.on_event = on_event,
	.on_assoc_change = on_assoc_change,
	.on_paddr_change = on_paddr_change,
	.on_lost = on_lost,
};

static void *ev_thread(void *arg)
{
	struct ev_counter *c = arg;
	struct pollfd p[2] = {
		{ .fd = sctpnl_monitor_fd(c->mon), .events = POLLIN },
		{ .fd = c->stop[0], .events = POLLIN },
	};
	int err;

	for (;;) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			perror("sctpnl-exporter: events: poll");
			break;
		}
		if (p[1].revents)
			break;
		err = sctpnl_monitor_read(c->mon, &callbacks, c);
		/* Losses are counted by on_lost; anything else is fatal. */
		if (err < 0 && err != -EAGAIN && err != -EINTR) {
			fprintf(stderr, "sctpnl-exporter: events: %s; event "
				"counters stop here\n", strerror(-err));
			break;
		}
	}
	pthread_mutex_lock(&c->lock);
	c->ev.subscribed = 0;
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

struct ev_counter *ev_start(int rcvbuf)
{
	struct ev_counter *c = calloc(1, sizeof(*c));
	int err;

	if (!c)
		return NULL;
	c->stop[0] = c->stop[1] = -1;
	pthread_mutex_init(&c->lock, NULL);
	c->mon = sctpnl_monitor_open(SCTPNL_MON_EVENTS);
	if (!c->mon)
		goto fail;
	if (rcvbuf && sctpnl_monitor_set_rcvbuf(c->mon, rcvbuf) < 0)
		fprintf(stderr, "sctpnl-exporter: events: cannot set the "
			"receive buffer to %d bytes\n", rcvbuf);
	if (pipe2(c->stop, O_CLOEXEC))
		goto fail;
	c->ev.subscribed = 1;
	err = pthread_create(&c->thread, NULL, ev_thread, c);
	if (err) {
		errno = err;
		goto fail;
	}
	return c;
fail:
	err = errno;
	if (c->stop[0] >= 0) {
		close(c->stop[0]);
		close(c->stop[1]);
	}
	sctpnl_monitor_close(c->mon);
	pthread_mutex_destroy(&c->lock);
	free(c);
	errno = err;
	return NULL;
}

void ev_snapshot(struct ev_counter *c, struct mx_events *out)
{
	if (!c) {
		memset(out, 0, sizeof(*out));
		return;
	}
	pthread_mutex_lock(&c->lock);
	*out = c->ev;
	pthread_mutex_unlock(&c->lock);
}

void ev_stop(struct ev_counter *c)
{
	if (!c)
		return;
	if (write(c->stop[1], "x", 1) != 1)
		perror("sctpnl-exporter: events: stop");
	pthread_join(c->thread, NULL);
	close(c->stop[0]);
	close(c->stop[1]);
	sctpnl_monitor_close(c->mon);
	pthread_mutex_destroy(&c->lock);
	free(c);
}
