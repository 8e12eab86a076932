// SPDX-License-Identifier: GPL-2.0
/*
 * The association id index: id -> a tuple that finds the association
 * again with one transport hash lookup.
 *
 * sctp.ko gives modules no lookup by id (its IDR is not exported), and
 * the id is what users type, so without this a request by id is a walk
 * over every association of the namespace.  The index is only a hint:
 * the lookup it leads to runs in the requester's namespace and checks the
 * id (assoc.c), so a stale, moved or foreign entry costs a miss, never a
 * wrong answer, and a miss falls back to the walk, whose find is indexed
 * in turn.
 *
 * Entries are added when an association comes up (the ASSOC_CHANGE
 * kprobe, COMM_UP and RESTART) or is found by a walk, and removed by a
 * kprobe on sctp_association_free().  Without that kprobe nothing would
 * ever leave the index, so then nothing enters it: requests by id walk.
 * Ids come from one host-wide IDR, so one index serves every namespace.
 */
#include <linux/kprobes.h>
#include <linux/slab.h>
#include <linux/xarray.h>
#include "sctpnl.h"

struct sctpnl_index_entry {
	struct sctpnl_tuple tuple;
	struct rcu_head rcu;
};

/* Written from kprobes in softirq or process context: irq-safe lock. */
static DEFINE_XARRAY_FLAGS(sctpnl_index, XA_FLAGS_LOCK_IRQ);
static bool sctpnl_index_on;

static void index_put(sctp_assoc_t id, struct sctpnl_index_entry *e)
{
	struct sctpnl_index_entry *old;
	unsigned long flags;

	xa_lock_irqsave(&sctpnl_index, flags);
	old = e ? __xa_store(&sctpnl_index, id, e, GFP_ATOMIC) :
		  __xa_erase(&sctpnl_index, id);
	xa_unlock_irqrestore(&sctpnl_index, flags);
	if (xa_is_err(old)) {
		kfree(e);
		return;
	}
	if (old)
		kfree_rcu(old, rcu);
}

/* Any context; @t is a transport of @asoc that the caller holds. */
void sctpnl_index_add(struct sctp_association *asoc, struct sctp_transport *t)
{
	struct sctpnl_index_entry *e;
	bool ok;

	if (!READ_ONCE(sctpnl_index_on) || !asoc->assoc_id || !t)
		return;
	e = kmalloc(sizeof(*e), GFP_ATOMIC);
	if (!e)
		return;
	rcu_read_lock();
	ok = sctpnl_tuple_of(asoc, t, &e->tuple);
	rcu_read_unlock();
	if (!ok) {
		kfree(e);
		return;
	}
	index_put(asoc->assoc_id, e);
}

bool sctpnl_index_find(sctp_assoc_t id, struct sctpnl_asoc_key *key)
{
	struct sctpnl_index_entry *e;

	rcu_read_lock();
	e = xa_load(&sctpnl_index, id);
	if (e)
		sctpnl_tuple_key(&e->tuple, key);
	rcu_read_unlock();
	return e;
}

/* sctp_association_free(asoc): the id goes with it. */
static int sctpnl_index_free_pre(struct kprobe *p, struct pt_regs *regs)
{
	struct sctp_association *asoc =
		(void *)regs_get_kernel_argument(regs, 0);

	if (asoc->assoc_id)
		index_put(asoc->assoc_id, NULL);
	return 0;
}

static struct kprobe sctpnl_index_kp = {
	.symbol_name	= "sctp_association_free",
	.pre_handler	= sctpnl_index_free_pre,
};

int sctpnl_index_init(void)
{
	int err = register_kprobe(&sctpnl_index_kp);

	if (err) {
		pr_warn("sctpnl: cannot probe %s (%d), requests by association id walk\n",
			sctpnl_index_kp.symbol_name, err);
		return err;
	}
	WRITE_ONCE(sctpnl_index_on, true);
	return 0;
}

/* After the family is gone: nothing looks up or adds any more. */
void sctpnl_index_exit(void)
{
	struct sctpnl_index_entry *e;
	unsigned long id;

	if (!sctpnl_index_on)
		return;
	unregister_kprobe(&sctpnl_index_kp);
	sctpnl_index_on = false;
	xa_for_each(&sctpnl_index, id, e)
		kfree(e);
	xa_destroy(&sctpnl_index);
}
