// SPDX-License-Identifier: GPL-2.0
/* genl_family NAME: print the id of a generic netlink family, exit 1 if
 * it is not registered.  Used by the shell selftests.
 */
#include <stdio.h>
#include "nl.h"

int main(int argc, char **argv)
{
	struct nlt *n = nlt_open();
	unsigned int id;

	if (!n || argc != 2)
		return 2;
	id = nlt_resolve(n, argv[1]);
	nlt_close(n);
	if (!id)
		return 1;
	printf("%u\n", id);
	return 0;
}
