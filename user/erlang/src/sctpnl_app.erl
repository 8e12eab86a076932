%% SPDX-License-Identifier: LGPL-2.1-or-later
%% @private
%% @doc The sctpnl application: starts {@link sctpnl_sup}.
-module(sctpnl_app).
-behaviour(application).

-export([start/2, stop/1]).

-spec start(application:start_type(), term()) -> {ok, pid()} | {error, term()}.
start(_Type, _Args) ->
    sctpnl_sup:start_link().

-spec stop(term()) -> ok.
stop(_State) ->
    ok.
