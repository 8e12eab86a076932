// SPDX-License-Identifier: GPL-2.0
/*
 * Deliberately triggers a kernel WARN at load time so that the
 * selftests/vm runner's splat detection can be tested:
 *   make -C selftests/vm/splat
 *   selftests/vm/run -n -- insmod selftests/vm/splat/splat.ko
 * must fail with "kernel splat detected".  Loading always fails with
 * -EAGAIN so the module never stays resident.
 */
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/module.h>

static int __init splat_init(void)
{
	WARN(1, "sctpnl selftest: deliberate warning\n");
	return -EAGAIN;
}
module_init(splat_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("sctpnl selftest: trigger a kernel warning");
