// SPDX-License-Identifier: GPL-2.0
/*
 * Per-path congestion samples on the "probe" multicast group, one sample
 * per peer path each time a SACK arrives, and the namespace's filter of
 * associations to sample.
 *
 * A saturated association takes tens of thousands of SACKs a second, and
 * one datagram per sample would cost an allocation, a multicast and a
 * listener wake-up each, in the SACK's softirq.  Samples are instead
 * appended to batches of a page each, queued per namespace and multicast
 * together SCTPNL_PROBE_DELAY after the oldest of them (or at once when
 * SCTPNL_PROBE_QUEUE_MAX batches wait): a listener wakes at most 20 times
 * a second and reads a few dozen samples per datagram.  A batch is one
 * message: its headers and SCTPNL_A_LOST are written when it opens (the
 * loss count when it closes), and a sample only adds its attribute.  One
 * queue (not one per CPU) keeps each association's samples in order: they
 * are taken under its socket lock and appended under the queue lock.
 *
 * The samples come from sctp.ko's sctp_probe tracepoint, which fires in
 * sctp_sf_eat_sack_6_2() before the SACK is processed, socket locked.
 * Its sibling sctp_probe_path fires from sctp_outq_sack() only for SACKs
 * that get that far; walking the transports from sctp_probe ourselves
 * gives one consistent sample per SACK with one probe.  sctp.ko does not
 * export its tracepoint structs, so we find sctp_probe by name through
 * the tracepoint module notifier, which also tells us if sctp.ko goes.
 */
#include <linux/module.h>
#include <linux/sched/clock.h>
#include <linux/sort.h>
#include <linux/tracepoint.h>
#include <net/netns/generic.h>
#include "sctpnl.h"

/*
 * Room for one sample attribute, with alignment padding; a batch is one
 * message of NLMSG_GOODSIZE holding as many as fit after its headers.
 */
#define SCTPNL_PROBE_SIZE \
	nla_total_size_64bit(sizeof(struct sctpnl_path_sample))

/* Batches a namespace may hold back: a 128 KiB burst. */
#define SCTPNL_PROBE_QUEUE_MAX	32

/*
 * How long the oldest sample may wait: a listener wakes at most 20 times
 * a second, which is what a rate-limited probe costs in wake-ups.
 */
#define SCTPNL_PROBE_DELAY	(HZ / 20)

/*
 * Sorted, distinct assoc ids to sample (none: every association), and the
 * least time between two samples of one of them, in jiffies.  last[i]
 * goes with ids[i]; all_last serves an empty list.  Updates race
 * harmlessly: at worst two CPUs both take a sample.
 */
struct sctpnl_probe_filter {
	struct rcu_head rcu;
	unsigned long interval;
	unsigned long all_last;
	unsigned long *last;	/* n entries, after ids[] */
	u32 n;
	u32 ids[];
};

struct sctpnl_probe_net {
	struct sctpnl_probe_filter __rcu *filter;
	struct net *net;
	/* Samples not multicast yet, and the timer that sends them. */
	spinlock_t lock;
	struct sk_buff_head full;
	struct sk_buff *batch;		/* the message being filled */
	struct nlattr *lost;		/* its SCTPNL_A_LOST, set on closing */
	struct timer_list flush;
};

static unsigned int sctpnl_probe_net_id __read_mostly;

/* Serialises filter updates: ops run in parallel (parallel_ops). */
static DEFINE_MUTEX(sctpnl_probe_mutex);

/*
 * Namespaces with a filter.  While there is none, which is the usual case,
 * a SACK costs one question to netlink and nothing more.
 */
static atomic_t sctpnl_probe_filters = ATOMIC_INIT(0);

/* The tracepoint we are attached to; under tracepoint_module_list_mutex. */
static struct tracepoint *sctpnl_probe_tp;

/*
 * Where the sampling time goes, for make bench-probe-cost only: a build
 * with -DSCTPNL_PROBE_STATS counts the SACKs seen and the time spent on
 * them, the SACKs sampled and the time from there on (clock, lock,
 * batches, samples; built_ns stops before the unlock, which may run
 * pending softirqs: other work, counted in the other two), and the
 * flush timer's multicasts, in /sys/module/sctpnl/parameters/probe_stats.
 * opens and open_ns count the batches opened (in the sampled time).
 * recheck_ns times the tests every SACK passes a second time, right
 * after the first: what they cost once the first has warmed the caches.
 * Its own clock reads are in those times; clock_ns says what one costs.
 * Shipped builds compile the stubs below to nothing.
 */
enum {
	SCTPNL_PS_SACKS,
	SCTPNL_PS_SACK_NS,
	SCTPNL_PS_SAMPLED,
	SCTPNL_PS_SAMPLED_NS,
	SCTPNL_PS_BUILT_NS,
	SCTPNL_PS_SAMPLES,
	SCTPNL_PS_FLUSHES,
	SCTPNL_PS_FLUSH_NS,
	SCTPNL_PS_RECHECK_NS,
	SCTPNL_PS_OPENS,
	SCTPNL_PS_OPEN_NS,
	SCTPNL_PS_NR
};

#ifdef SCTPNL_PROBE_STATS
struct sctpnl_probe_stats {
	u64 v[SCTPNL_PS_NR];
};

static DEFINE_PER_CPU(struct sctpnl_probe_stats, sctpnl_ps);

static u64 sctpnl_ps_clock(void)
{
	return local_clock();
}

static void sctpnl_ps_add(int i, u64 v)
{
	this_cpu_add(sctpnl_ps.v[i], v);
}

static int sctpnl_ps_get(char *buf, const struct kernel_param *kp)
{
	static const char *const name[SCTPNL_PS_NR] = {
		"sacks", "sack_ns", "sampled", "sampled_ns", "built_ns",
		"samples", "flushes", "flush_ns", "recheck_ns", "opens",
		"open_ns",
	};
	u64 sum[SCTPNL_PS_NR] = {}, t0;
	int cpu, i, n = 0;

	for_each_possible_cpu(cpu)
		for (i = 0; i < SCTPNL_PS_NR; i++)
			sum[i] += per_cpu(sctpnl_ps, cpu).v[i];
	for (i = 0; i < SCTPNL_PS_NR; i++)
		n += scnprintf(buf + n, PAGE_SIZE - n, "%s %llu\n",
			       name[i], sum[i]);
	t0 = local_clock();
	for (i = 0; i < 1000; i++)
		local_clock();
	n += scnprintf(buf + n, PAGE_SIZE - n, "clock_ns %llu\n",
		       div_u64(local_clock() - t0, 1001));
	return n;
}

static const struct kernel_param_ops sctpnl_ps_ops = {
	.get = sctpnl_ps_get,
};

module_param_cb(probe_stats, &sctpnl_ps_ops, NULL, 0444);
MODULE_PARM_DESC(probe_stats, "time spent sampling SACKs (bench builds)");
#else
static inline u64 sctpnl_ps_clock(void)
{
	return 0;
}

static inline void sctpnl_ps_add(int i, u64 v)
{
}
#endif

/*
 * Whether the interval lets a sample through now; then it starts again.
 * This runs for every SACK of a rate-limited association, so it compares
 * jiffies instead of reading a clock.
 */
static bool sctpnl_probe_due(const struct sctpnl_probe_filter *f,
			     unsigned long *last)
{
	unsigned long now;

	if (!f->interval)
		return true;
	now = jiffies;
	if (time_before(now, READ_ONCE(*last) + f->interval))
		return false;
	WRITE_ONCE(*last, now);
	return true;
}

/*
 * Called from the tracepoint, with preemption disabled: that is an RCU
 * read-side section, which kfree_rcu() of the old filter waits for.
 */
static bool sctpnl_probe_wanted(struct net *net, sctp_assoc_t id)
{
	struct sctpnl_probe_net *pn = net_generic(net, sctpnl_probe_net_id);
	struct sctpnl_probe_filter *f = rcu_dereference_sched(pn->filter);
	bool wanted = true;
	u32 lo, hi, mid;

	if (f && !f->n) {
		wanted = sctpnl_probe_due(f, &f->all_last);
	} else if (f) {
		wanted = false;
		lo = 0;
		hi = f->n;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (f->ids[mid] == (u32)id) {
				wanted = sctpnl_probe_due(f, &f->last[mid]);
				break;
			}
			if (f->ids[mid] < (u32)id)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	return wanted;
}

static void sctpnl_probe_multicast(struct sctpnl_probe_net *pn,
				   struct sk_buff *skb)
{
	/* ESRCH and ENOBUFS are the listeners' business, see events.c. */
	genlmsg_multicast_netns(&sctpnl_family, pn->net, skb, 0,
				SCTPNL_MCGRP_PROBE_IDX, GFP_ATOMIC);
}

/*
 * End the message being filled and queue it, with the loss count as of
 * now: a sample that found no batch is counted by the next one closed.
 * pn->lock held.
 */
static void sctpnl_probe_close(struct sctpnl_probe_net *pn)
{
	struct sk_buff *skb = pn->batch;
	u64 lost;

	if (!skb)
		return;
	lost = sctpnl_lost();
	memcpy(nla_data(pn->lost), &lost, sizeof(lost));
	nlmsg_end(skb, nlmsg_hdr(skb));
	__skb_queue_tail(&pn->full, skb);
	pn->batch = NULL;
}

/* Multicast every batch, oldest first; pn->lock held, which keeps order. */
static void sctpnl_probe_send(struct sctpnl_probe_net *pn)
{
	struct sk_buff *skb;

	sctpnl_probe_close(pn);
	while ((skb = __skb_dequeue(&pn->full)))
		sctpnl_probe_multicast(pn, skb);
}

static void sctpnl_probe_flush(struct timer_list *timer)
{
	struct sctpnl_probe_net *pn = timer_container_of(pn, timer, flush);
	u64 t0 = sctpnl_ps_clock();

	spin_lock_bh(&pn->lock);
	sctpnl_probe_send(pn);
	spin_unlock_bh(&pn->lock);
	sctpnl_ps_add(SCTPNL_PS_FLUSHES, 1);
	sctpnl_ps_add(SCTPNL_PS_FLUSH_NS, sctpnl_ps_clock() - t0);
}

/* A new batch: the message's headers and room for its loss count. */
static struct sk_buff *sctpnl_probe_open(struct sctpnl_probe_net *pn)
{
	u64 t0 = sctpnl_ps_clock();
	struct sk_buff *skb = alloc_skb(NLMSG_GOODSIZE, GFP_ATOMIC);

	sctpnl_ps_add(SCTPNL_PS_OPENS, 1);
	sctpnl_ps_add(SCTPNL_PS_OPEN_NS, sctpnl_ps_clock() - t0);
	if (!skb)
		return NULL;
	/* Cannot fail in a fresh page-sized buffer. */
	if (!genlmsg_put(skb, 0, 0, &sctpnl_family, 0, SCTPNL_CMD_PROBE))
		goto fail;
	pn->lost = nla_reserve_64bit(skb, SCTPNL_A_LOST, sizeof(u64),
				     SCTPNL_A_PAD);
	if (!pn->lost)
		goto fail;
	pn->batch = skb;
	/* SCTPNL_PROBE_DELAY after the oldest sample waiting. */
	if (!timer_pending(&pn->flush))
		mod_timer(&pn->flush, jiffies + SCTPNL_PROBE_DELAY);
	return skb;

fail:
	kfree_skb(skb);
	return NULL;
}

/*
 * The batch to append a sample to, with room for it; NULL if none could
 * be allocated.  pn->lock held.
 */
static struct sk_buff *sctpnl_probe_batch(struct sctpnl_probe_net *pn)
{
	if (pn->batch && skb_tailroom(pn->batch) >= SCTPNL_PROBE_SIZE)
		return pn->batch;
	if (pn->batch) {
		sctpnl_probe_close(pn);
		if (skb_queue_len(&pn->full) >= SCTPNL_PROBE_QUEUE_MAX)
			sctpnl_probe_send(pn);
	}
	return sctpnl_probe_open(pn);
}

/* Append one path's sample to the batch; pn->lock held. */
static void sctpnl_probe_append(struct sctpnl_probe_net *pn,
				const struct sctp_association *asoc,
				const struct sctp_transport *t, u64 now)
{
	struct sk_buff *skb = sctpnl_probe_batch(pn);

	/* The fill cannot fail with SCTPNL_PROBE_SIZE of room. */
	if (!skb || sctpnl_fill_path_sample(skb, asoc, t, now))
		sctpnl_count_lost();
	sctpnl_ps_add(SCTPNL_PS_SAMPLES, 1);
}

/*
 * The filter before the listeners: with a rate limit most SACKs stop at a
 * jiffies comparison, and the question to netlink (a call and an RCU
 * section) is asked only when a sample is due.  A sample that nobody
 * hears still uses up its interval, which changes nothing.
 */
static bool sctpnl_probe_due_heard(struct net *net,
				   const struct sctp_association *asoc)
{
	return !(atomic_read(&sctpnl_probe_filters) &&
		 !sctpnl_probe_wanted(net, asoc->assoc_id)) &&
	       genl_has_listeners(&sctpnl_family, net, SCTPNL_MCGRP_PROBE_IDX);
}

/* One SACK: a sample of each path, if one is due and heard. */
static void sctpnl_probe_take(const struct sctp_association *asoc)
{
	struct net *net = sock_net(asoc->base.sk);
	const struct sctp_transport *t;
	struct sctpnl_probe_net *pn;
	u64 now, t0, t1;

	if (!sctpnl_probe_due_heard(net, asoc))
		return;

	t0 = sctpnl_ps_clock();
	pn = net_generic(net, sctpnl_probe_net_id);

	now = ktime_get_real_ns();
	/*
	 * This also runs in process context (the socket backlog), where the
	 * flush timer could interrupt us on this CPU.
	 */
	spin_lock_bh(&pn->lock);
	list_for_each_entry(t, &asoc->peer.transport_addr_list, transports)
		sctpnl_probe_append(pn, asoc, t, now);
	t1 = sctpnl_ps_clock();
	spin_unlock_bh(&pn->lock);
	sctpnl_ps_add(SCTPNL_PS_SAMPLED, 1);
	sctpnl_ps_add(SCTPNL_PS_SAMPLED_NS, sctpnl_ps_clock() - t0);
	sctpnl_ps_add(SCTPNL_PS_BUILT_NS, t1 - t0);
}

#ifdef SCTPNL_PROBE_STATS
/* The tests again, at once; a due sample's interval has restarted. */
static void sctpnl_ps_recheck(const struct sctp_association *asoc)
{
	u64 t0 = local_clock();

	sctpnl_probe_due_heard(sock_net(asoc->base.sk), asoc);
	sctpnl_ps_add(SCTPNL_PS_RECHECK_NS, local_clock() - t0);
}
#else
static inline void sctpnl_ps_recheck(const struct sctp_association *asoc)
{
}
#endif

/*
 * The sctp_probe tracepoint: TP_PROTO(ep, asoc, chunk).  Runs in the
 * SACK's receive path, atomic, with the association's socket locked,
 * which keeps its transport list stable.
 */
static void sctpnl_probe_sack(void *data, const struct sctp_endpoint *ep,
			      const struct sctp_association *asoc,
			      struct sctp_chunk *chunk)
{
	u64 t0 = sctpnl_ps_clock();

	sctpnl_probe_take(asoc);
	sctpnl_ps_add(SCTPNL_PS_SACKS, 1);
	sctpnl_ps_add(SCTPNL_PS_SACK_NS, sctpnl_ps_clock() - t0);
	sctpnl_ps_recheck(asoc);
}

static int sctpnl_u32_cmp(const void *a, const void *b)
{
	u32 x = *(const u32 *)a, y = *(const u32 *)b;

	return x < y ? -1 : x > y;
}

/*
 * The filter PROBE_SET asks for: NULL for no list and no interval (every
 * SACK of every association), else sorted distinct ids.  The policy let
 * only u32 entries through.
 */
static struct sctpnl_probe_filter *
sctpnl_probe_filter_new(const struct nlattr *list, unsigned long interval,
			struct netlink_ext_ack *extack)
{
	struct sctpnl_probe_filter *f;
	struct nlattr *nla;
	u32 n = 0, i = 0;
	int rem;

	if (list)
		nla_for_each_nested(nla, list, rem)
			n++;
	if (n > SCTPNL_PROBE_FILTER_MAX) {
		NL_SET_ERR_MSG_ATTR(extack, list,
				    "too many associations in the probe filter");
		return ERR_PTR(-E2BIG);
	}
	if (!n && !interval)
		return NULL;

	f = kzalloc(struct_size(f, ids, n) + n * sizeof(*f->last) +
		    sizeof(*f->last), GFP_KERNEL);
	if (!f)
		return ERR_PTR(-ENOMEM);
	f->interval = interval;
	f->last = PTR_ALIGN((unsigned long *)&f->ids[n], sizeof(*f->last));
	if (n)
		nla_for_each_nested(nla, list, rem)
			f->ids[i++] = nla_get_u32(nla);
	sort(f->ids, n, sizeof(f->ids[0]), sctpnl_u32_cmp, NULL);
	/* Drop duplicates so that the lookup is a plain bsearch. */
	f->n = n ? 1 : 0;
	for (i = 1; i < n; i++)
		if (f->ids[i] != f->ids[f->n - 1])
			f->ids[f->n++] = f->ids[i];
	return f;
}

int sctpnl_probe_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct sctpnl_probe_net *pn = net_generic(genl_info_net(info),
						  sctpnl_probe_net_id);
	struct nlattr *ival = info->attrs[SCTPNL_A_PROBE_INTERVAL];
	/* Rounded up to whole ticks: never more often than asked. */
	unsigned long interval = ival ? msecs_to_jiffies(nla_get_u32(ival)) : 0;
	struct sctpnl_probe_filter *f, *old;

	f = sctpnl_probe_filter_new(info->attrs[SCTPNL_A_PROBE_FILTER],
				    interval, info->extack);
	if (IS_ERR(f))
		return PTR_ERR(f);

	mutex_lock(&sctpnl_probe_mutex);
	old = rcu_replace_pointer(pn->filter, f,
				  lockdep_is_held(&sctpnl_probe_mutex));
	if (f && !old)
		atomic_inc(&sctpnl_probe_filters);
	else if (!f && old)
		atomic_dec(&sctpnl_probe_filters);
	mutex_unlock(&sctpnl_probe_mutex);
	if (old)
		kfree_rcu(old, rcu);
	return 0;
}

static int __net_init sctpnl_probe_net_init(struct net *net)
{
	struct sctpnl_probe_net *pn = net_generic(net, sctpnl_probe_net_id);

	pn->net = net;
	spin_lock_init(&pn->lock);
	__skb_queue_head_init(&pn->full);
	timer_setup(&pn->flush, sctpnl_probe_flush, 0);
	return 0;
}

static void __net_exit sctpnl_probe_net_exit(struct net *net)
{
	struct sctpnl_probe_net *pn = net_generic(net, sctpnl_probe_net_id);
	struct sctpnl_probe_filter *f;

	/*
	 * No association is left to sample here: each holds a reference
	 * on the namespace through its socket.
	 */
	timer_delete_sync(&pn->flush);
	__skb_queue_purge(&pn->full);
	kfree_skb(pn->batch);
	pn->batch = NULL;

	/* A probe of the dying namespace may still be reading it. */
	f = rcu_replace_pointer(pn->filter, NULL, true);
	if (f) {
		atomic_dec(&sctpnl_probe_filters);
		kfree_rcu(f, rcu);
	}
}

struct pernet_operations sctpnl_probe_net_ops = {
	.init	= sctpnl_probe_net_init,
	.exit	= sctpnl_probe_net_exit,
	.id	= &sctpnl_probe_net_id,
	.size	= sizeof(struct sctpnl_probe_net),
};

/*
 * Called for every module with tracepoints as it comes and goes, and for
 * those already loaded when the notifier is (un)registered.
 */
static int sctpnl_tp_notify(struct notifier_block *nb, unsigned long val,
			    void *data)
{
	struct tp_module *tp_mod = data;
	struct module *mod = tp_mod->mod;
	tracepoint_ptr_t *iter, *end;
	struct tracepoint *tp;
	int err;

	if (strcmp(mod->name, "sctp"))
		return NOTIFY_DONE;

	end = mod->tracepoints_ptrs + mod->num_tracepoints;
	for (iter = mod->tracepoints_ptrs; iter < end; iter++) {
		tp = tracepoint_ptr_deref(iter);
		if (strcmp(tp->name, "sctp_probe"))
			continue;
		if (val == MODULE_STATE_COMING && !sctpnl_probe_tp) {
			err = tracepoint_probe_register(tp, sctpnl_probe_sack,
							NULL);
			if (err)
				pr_warn("sctpnl: cannot attach to sctp_probe (%d), no probe samples\n",
					err);
			else
				sctpnl_probe_tp = tp;
		} else if (val == MODULE_STATE_GOING && sctpnl_probe_tp == tp) {
			tracepoint_probe_unregister(tp, sctpnl_probe_sack,
						    NULL);
			sctpnl_probe_tp = NULL;
		}
		sctpnl_hook_up(SCTPNL_HOOK_PROBE, sctpnl_probe_tp);
	}
	return NOTIFY_OK;
}

static struct notifier_block sctpnl_tp_nb = {
	.notifier_call = sctpnl_tp_notify,
};

static bool sctpnl_tp_nb_on;

/* Like the kprobes, a missing tracepoint costs the samples, not the load. */
int sctpnl_probe_init(void)
{
	int err;

	if (sctpnl_hook_disabled(SCTPNL_HOOK_PROBE))
		return 0;
	err = register_tracepoint_module_notifier(&sctpnl_tp_nb);

	if (err) {
		pr_info("sctpnl: no tracepoint notifier (%d), no probe samples\n",
			err);
		return err;
	}
	sctpnl_tp_nb_on = true;
	return 0;
}

/*
 * Returns once no probe runs any more and every batch is sent, while the
 * family that sends them is still there.
 */
void sctpnl_probe_exit(void)
{
	struct sctpnl_probe_net *pn;
	struct net *net;

	if (!sctpnl_tp_nb_on)
		return;
	/* Replays MODULE_STATE_GOING for sctp.ko: detaches the probe. */
	unregister_tracepoint_module_notifier(&sctpnl_tp_nb);
	sctpnl_tp_nb_on = false;
	tracepoint_synchronize_unregister();

	/*
	 * Nothing re-arms a timer now.  A namespace being dismantled is off
	 * the list already and its timer may still fire once the family is
	 * gone, harmlessly: it has no user socket left to deliver to (each
	 * holds a reference on it), and its exit stops the timer before
	 * unregister_pernet_subsys() can return.
	 */
	down_read(&net_rwsem);
	for_each_net(net) {
		pn = net_generic(net, sctpnl_probe_net_id);
		timer_delete_sync(&pn->flush);
		/* What the timer would have sent, sent now. */
		sctpnl_probe_flush(&pn->flush);
	}
	up_read(&net_rwsem);
}
