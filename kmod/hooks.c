// SPDX-License-Identifier: GPL-2.0
/*
 * Which of the module's hooks into sctp.ko are on, told to the operator.
 * A hook is named after the events it delivers (sctpnl_event_name() in
 * libsctpnl), the tracepoint's samples are "probe".
 *
 * Events come from kprobes on functions of sctp.ko and samples from its
 * sctp_probe tracepoint: a future kernel may inline, rename or drop any of
 * them.  The module then still loads and serves everything else, logs
 * what it cannot hook, and lists the events it cannot deliver in the
 * read-only parameter "unavailable" (sctpctl shows it).  "disable" lets
 * an operator leave hooks off from the start (the per-SACK tracepoint has
 * a cost on busy hosts); a name it does not know fails the load.
 */
#include <linux/bitops.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "sctpnl.h"

static const char * const sctpnl_hook_names[SCTPNL_HOOK_N] = {
	[SCTPNL_HOOK_ASSOC_CHANGE]	= "assoc_change",
	[SCTPNL_HOOK_PADDR_CHANGE]	= "paddr_change",
	[SCTPNL_HOOK_REMOTE_ERROR]	= "remote_error",
	[SCTPNL_HOOK_SEND_FAILED]	= "send_failed",
	[SCTPNL_HOOK_SHUTDOWN]		= "shutdown_event",
	[SCTPNL_HOOK_ADAPTATION]	= "adaptation_event",
	[SCTPNL_HOOK_PDAPI]		= "pdapi_event",
	[SCTPNL_HOOK_PROBE]		= "probe",
};

static char *disable = "";
module_param(disable, charp, 0444);
MODULE_PARM_DESC(disable,
		 "hooks to leave off, comma-separated: assoc_change, paddr_change, remote_error, send_failed, shutdown_event, adaptation_event, pdapi_event, probe");

static unsigned long sctpnl_hooks_disabled;	/* BIT(enum sctpnl_hook) */
static unsigned long sctpnl_hooks_down;		/* disabled or failed */

static int unavailable_get(char *buf, const struct kernel_param *kp)
{
	unsigned long down = READ_ONCE(sctpnl_hooks_down);
	int len = 0, i;

	for (i = 0; i < SCTPNL_HOOK_N; i++)
		if (down & BIT(i))
			len += scnprintf(buf + len, PAGE_SIZE - len, "%s%s",
					 len ? "," : "", sctpnl_hook_names[i]);
	len += scnprintf(buf + len, PAGE_SIZE - len, "\n");
	return len;
}

static const struct kernel_param_ops unavailable_ops = {
	.get = unavailable_get,
};
module_param_cb(unavailable, &unavailable_ops, NULL, 0444);
MODULE_PARM_DESC(unavailable,
		 "events not delivered (disabled, or not hookable on this kernel)");

/* Parse "disable" once, at load; every hook starts down until it is up. */
int sctpnl_hooks_init(void)
{
	char *list, *p, *name;
	int i, err = 0;

	sctpnl_hooks_down = BIT(SCTPNL_HOOK_N) - 1;
	list = kstrdup(disable, GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	p = list;
	while ((name = strsep(&p, ",")) != NULL) {
		name = strim(name);
		if (!*name)
			continue;
		i = match_string(sctpnl_hook_names, SCTPNL_HOOK_N, name);
		if (i < 0) {
			pr_err("sctpnl: disable=%s: no hook named \"%s\"\n",
			       disable, name);
			err = -EINVAL;
			break;
		}
		sctpnl_hooks_disabled |= BIT(i);
		pr_info("sctpnl: %s left off (disable=)\n", name);
	}
	kfree(list);
	return err;
}

bool sctpnl_hook_disabled(enum sctpnl_hook hook)
{
	return sctpnl_hooks_disabled & BIT(hook);
}

void sctpnl_hook_up(enum sctpnl_hook hook, bool up)
{
	if (up)
		clear_bit(hook, &sctpnl_hooks_down);
	else
		set_bit(hook, &sctpnl_hooks_down);
}
