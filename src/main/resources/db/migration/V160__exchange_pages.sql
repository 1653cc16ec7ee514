-- the exchange page and API list the messages a page at a time, newest first
create index exchange_outbox_newest on exchange_outbox (created_at desc, id);
create index exchange_inbox_newest on exchange_inbox (received_at desc, id);
