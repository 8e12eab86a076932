# SPDX-License-Identifier: GPL-2.0
#
# Sourced by scripts/deps.sh and scripts/ynl.sh (set $cache first): the
# options that point apt-get at the project's private apt configuration,
# $cache/apt.  Every suite of the matrix has its sources, package lists
# and archive cache there; the host's configuration is never touched.
#
#   apt-get "${apt_opts[@]}" download PACKAGE
papt=$cache/apt
# shellcheck disable=SC2034	# used by the sourcing script
apt_opts=(
	-o "Dir::Etc::sourcelist=$papt/sources.list"
	-o "Dir::Etc::sourceparts=$papt/sources.list.d"
	-o "Dir::State::Lists=$papt/lists"
	-o "Dir::Cache=$papt/cache"
	-o "Acquire::Languages=none"
	-o "APT::Sandbox::User=root"
	-q
)
