<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="114"/>
        <source>Adjust stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="116"/>
        <source>Adjust the stock of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="119"/>
        <source>On hand now: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="123"/>
        <source>A manager approves it with their code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="125"/>
        <source>Choose a reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="130"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="131"/>
        <source>Quantity (g)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="131"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="132"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="133"/>
        <source>Optional: what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="134"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="135"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="177"/>
        <source>Stock adjustment: %1 × %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="47"/>
        <source>%1 off “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="52"/>
        <source>Remove “%1” after payment started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="57"/>
        <source>Cancel the sale (1 item, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="59"/>
        <source>Cancel the sale (%1 items, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="65"/>
        <source>Open the drawer without a sale: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="69"/>
        <source>%1 off the whole ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="85"/>
        <source>Price of “%1”: %2 → %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="156"/>
        <source>Manager approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="157"/>
        <source>A manager must approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="159"/>
        <source>Asked by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="160"/>
        <source>What: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="163"/>
        <source>Amount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="165"/>
        <source>Manager: touch your name or scan your badge, then your code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="166"/>
        <source>Cancel: nothing is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="171"/>
        <source>Manager&apos;s name or badge first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="173"/>
        <source>%1 — type your code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/approval_dialog.py" line="175"/>
        <source>Badge read — type your code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="28"/>
        <source>Return of %1, sold on %2: older than %3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="37"/>
        <source>Return without receipt: %1 × “%2” at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="44"/>
        <source>Refund %1 in cash, above the cash refund limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="47"/>
        <source>Refund %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchivesPage</name>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="116"/>
        <source>Make a signed archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="117"/>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="189"/>
        <source>Check an archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="118"/>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="121"/>
        <source>A month (2026-11), a year (2026), a day (2026-11-03) or days (2026-11-01..2026-11-15), in the shop&apos;s time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="125"/>
        <source>Make the archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="126"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="127"/>
        <source>Manifest SHA-256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="128"/>
        <source>Copy the path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="129"/>
        <source>Check an archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="163"/>
        <source>Writing the archive of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="168"/>
        <source>Archive written: %1 entries, signed by key %2. Keep a copy elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="173"/>
        <source>No archive written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="191"/>
        <source>Archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="219"/>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="224"/>
        <source>The archive could not be checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="235"/>
        <source>ARCHIVE BROKEN: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_archives_page.py" line="238"/>
        <source>Archive intact: terminal %1, period %2, %3 entries. Signed by key %4: compare it with the key central registered for this terminal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="33"/>
        <source>To check and waiting</source>
        <extracomment>Filter key -&gt; the states it shows. &quot;open&quot;: everything but what a person set aside. A row needing a person stands out; one set aside is greyed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="34"/>
        <source>To check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="35"/>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="36"/>
        <source>Set aside, with a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="37"/>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="38"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="76"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="77"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="78"/>
        <source>Why, and what to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_model.py" line="79"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionPanel</name>
    <message>
        <location filename="../../pos/ui/dialogs/attention_panel.py" line="72"/>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_panel.py" line="73"/>
        <source>Set aside with this note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_panel.py" line="74"/>
        <source>Note: why it is set aside (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_panel.py" line="81"/>
        <source>Select a line to see what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_panel.py" line="98"/>
        <source>no. %1 in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_panel.py" line="100"/>
        <source>since %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_panel.py" line="105"/>
        <source>tries: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_panel.py" line="129"/>
        <source>Write a note saying why it is set aside: it is kept with it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionTexts</name>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="27"/>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="28"/>
        <source>Stock movement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="29"/>
        <source>Pickup order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="30"/>
        <source>Manager&apos;s approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="31"/>
        <source>Till opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="32"/>
        <source>Cash in/out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="33"/>
        <source>Z closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="34"/>
        <source>Cancelled sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="35"/>
        <source>Drawer opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="36"/>
        <source>Signed record entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="37"/>
        <source>Delivery received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="38"/>
        <source>Transfer to a store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="39"/>
        <source>Stock count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="40"/>
        <source>Transfer received with a difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="49"/>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="50"/>
        <source>To check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="51"/>
        <source>Set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="52"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="72"/>
        <source>Sale no. %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="79"/>
        <source>Stock movement: %1%2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="86"/>
        <source>%1: %2 units (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="93"/>
        <source>Transfer to %1: sent %2, received %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="98"/>
        <source>Stock count: %1 articles (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="104"/>
        <source>Pickup order %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="110"/>
        <source>Approval by %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="116"/>
        <source>Cash in: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="118"/>
        <source>Cash out: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="123"/>
        <source>Cancelled sale — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="129"/>
        <source>Loyalty: %1 points to debit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="131"/>
        <source>Loyalty: %1 points to give back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="134"/>
        <source>Coupon %1 to release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="136"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="156"/>
        <source>Waiting for the next sync: nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="163"/>
        <source>Not sent yet — tries: %1. %2 It is sent again at each sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="174"/>
        <source>%1: sent %2, received %3, damaged %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="178"/>
        <source>The other store did not receive what was sent. Call it to find the missing units (or agree on the damaged ones), then set this aside with a note saying what was agreed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="25"/>
        <source>Not sent yet — tries: %1. The central server cannot be reached (network or server down). It is sent again at each sync: nothing to do; if it lasts, check the network.</source>
        <extracomment>The records a Medusa without Comptoir&apos;s plugin (or with an older one) refuses. Why the last try of a waiting operation failed (``sync.engine.pusher``); it stays queued and is sent again at each sync, whatever the failure.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="30"/>
        <source>Not sent yet — tries: %1. The central server no longer accepts this till: enrol it again; it is sent at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="35"/>
        <source>Not sent yet — tries: %1. The sending is too large for the server or a proxy: it is sent again in smaller batches; if it lasts, check the size limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="45"/>
        <source>This server does not keep these records yet: install or update Comptoir&apos;s plugin in Medusa. They stay recorded at the till; send them again then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="51"/>
        <source>This server does not take stock counts: enter the counted figures in its own admin. The count stays recorded at the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="60"/>
        <source>Refused by the central server (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="67"/>
        <source>The central server already holds another operation with this number: call support before sending it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="72"/>
        <source>The central server could not read this operation (its content does not match what it expects): call support; set it aside with a note meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="77"/>
        <source>The central server does not know this kind of operation: update it (or Comptoir&apos;s plugin), then send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="82"/>
        <source>The central server does not know this article: have it created in the central catalog, then send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="87"/>
        <source>The central server does not know this order in this store: check it in the back office, then send again or set it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="92"/>
        <source>The order changed at the central server meanwhile (another desk or the web shop): check it at the pickup desk, then set this one aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="97"/>
        <source>The central server refused this change of the order&apos;s state (it is already further along): check it at the pickup desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="102"/>
        <source>The quantities picked or handed over do not fit the order: check it at the pickup desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="106"/>
        <source>This operation names another till than the one enrolled: check the till&apos;s enrolment, then send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="111"/>
        <source>The server refused this approval: the person who gave it is not a manager or administrator of this store in its staff list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="116"/>
        <source>This sale paid a customer order that was already paid (online, at the pickup desk or by another sale): the customer paid twice. Refund them, then set this sale aside with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="122"/>
        <source>This sale paid a customer order the central server does not know: call support; the sale stays recorded at the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="127"/>
        <source>This sale paid a customer order cancelled or expired meanwhile: refund the customer or place the order again, then set this sale aside with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="132"/>
        <source>The quantity is beyond what a till may move in one go: check it; set it aside with a note if it was a mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="137"/>
        <source>This server cannot take this operation as it stands (checked before sending): set it aside with a note, or call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="142"/>
        <source>This server does not take this kind of operation: it stays recorded at the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="146"/>
        <source>This delivery is for another store: it was not received here. Call the sender; set it aside with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="151"/>
        <source>This delivery was already received (at another till?): nothing was counted twice. Set it aside with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="156"/>
        <source>The central server knows no such store to send to: nothing left its stock. Set it aside with a note and count the goods again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="161"/>
        <source>The central server does not know this delivery: check the delivery note with head office, then send again or set it aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="166"/>
        <source>Set aside by a person before it was sent: send it again when ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="180"/>
        <source>The central server found a break in this till&apos;s journal at this sale (an entry missing or out of order).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="185"/>
        <source>The central server already holds another journal entry with this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="189"/>
        <source>The central server computed another journal hash for this sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="192"/>
        <source>This entry&apos;s signature does not match its content: it was changed after the till signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="197"/>
        <source>This entry is signed with a key central never registered for this till: its record may have been rebuilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="202"/>
        <source>Medusa priced this sale at another total than the till charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="205"/>
        <source>Medusa had less stock than this sale took: its stock level was raised by the shortfall before the sale was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_refusals.py" line="210"/>
        <source>This order was handed over without being paid online nor at the till: check its payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="205"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="207"/>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="209"/>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="210"/>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="220"/>
        <source>Set aside by %1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="228"/>
        <source>Write a note saying why it is set aside: it is kept with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="231"/>
        <source>This operation was sent or set aside meanwhile: the list was read again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="235"/>
        <source>Sign in first: every act on this list is recorded in a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/attention_texts.py" line="238"/>
        <source>A manager must approve this: not approved, nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="33"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="34"/>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="35"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="36"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="37"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="108"/>
        <source>Return · no receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="110"/>
        <source>Return · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="112"/>
        <source>Return · %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="124"/>
        <source>Order %1 · to collect at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="126"/>
        <source>Order %1 · home delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="146"/>
        <source>voided</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/camera_dialog.py" line="43"/>
        <source>Camera scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/camera_dialog.py" line="47"/>
        <source>The camera cannot be used on this till (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/camera_dialog.py" line="44"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../pos/ui/camera/view.py" line="204"/>
        <source>Camera:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/camera/view.py" line="205"/>
        <source>Hold the barcode or QR code in front of the camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/camera/view.py" line="206"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/camera/view.py" line="213"/>
        <source>Camera scanning is not available on this till: the barcode reading library (zbar) is not installed. Use the hand scanner or type the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/camera/view.py" line="218"/>
        <source>Camera scanning could not start: the barcode reading library failed to load. Use the hand scanner or type the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/camera/view.py" line="223"/>
        <source>No camera found. Connect a camera, or use the hand scanner or type the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/camera/view.py" line="227"/>
        <source>The camera stopped working (%1). Check its cable, or choose another camera.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelPanel</name>
    <message>
        <location filename="../../pos/ui/screens/pickup/cancel_panel.py" line="53"/>
        <source>Cancel this order? The customer is told by e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/cancel_panel.py" line="55"/>
        <source>Reason (e.g. the customer changed their mind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/cancel_panel.py" line="57"/>
        <source>Cancel the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/cancel_panel.py" line="58"/>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CancelSaleDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/cancel_sale_dialog.py" line="20"/>
        <source>Cancel the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/cancel_sale_dialog.py" line="22"/>
        <source>Cancel the whole sale: 1 item, %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/cancel_sale_dialog.py" line="24"/>
        <source>Cancel the whole sale: %2 items, %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/cancel_sale_dialog.py" line="30"/>
        <source>It is recorded as cancelled, with its lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/cancel_sale_dialog.py" line="32"/>
        <source>No, go on with the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/cancel_sale_dialog.py" line="34"/>
        <source>Yes, cancel the sale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardWaitDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/card_wait_dialog.py" line="55"/>
        <source>Payment terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/card_wait_dialog.py" line="56"/>
        <source>Present the card to the terminal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/card_wait_dialog.py" line="57"/>
        <source>Refund: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/card_wait_dialog.py" line="57"/>
        <source>Amount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/card_wait_dialog.py" line="60"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/card_wait_dialog.py" line="62"/>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashCountForm</name>
    <message>
        <location filename="../../pos/ui/widgets/cash_count.py" line="150"/>
        <source>Coins</source>
        <extracomment>Most pieces one row may hold: a full drawer holds a few hundred coins of a kind. From this value on, a denomination is a note (euro: 5 € and up).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/cash_count.py" line="151"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/cash_count.py" line="154"/>
        <source>One less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/cash_count.py" line="155"/>
        <source>One more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/cash_count.py" line="235"/>
        <source>A count cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/cash_count.py" line="239"/>
        <source>%1: at most %2 pieces in one row. Check the count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/cash_count.py" line="262"/>
        <source>%1: type a number of pieces (digits only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/cash_count.py" line="270"/>
        <source>Counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/cash_count.py" line="277"/>
        <source>Expected: %1 · difference: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CashMovementDialog</name>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="94"/>
        <source>Cash out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="94"/>
        <source>Cash in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="96"/>
        <source>Take cash out of the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="96"/>
        <source>Put cash into the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="98"/>
        <source>Amount (€)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="99"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="100"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="101"/>
        <source>Required for “other”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="105"/>
        <source>Take out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="105"/>
        <source>Put in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="106"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/cash_movement_dialog.py" line="149"/>
        <source>A manager must approve this cash movement: not approved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosuresPage</name>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="89"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="90"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="91"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="92"/>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="93"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="94"/>
        <source>Grand total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="95"/>
        <source>Grand total (absolute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="96"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="97"/>
        <source>Sealed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="100"/>
        <source>Month to close:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="101"/>
        <source>Close the month…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="146"/>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="155"/>
        <source>Close the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="148"/>
        <source>Close the month %1 now? Every earlier period still open is closed first, and the fiscal year with its last month. A closure cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="156"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="189"/>
        <source>Every month up to %1 is closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="190"/>
        <source>Closing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="191"/>
        <source>%1 closure(s) made; the last: %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_closures_page.py" line="192"/>
        <source>Nothing to close: %1 and every period before it are closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsBanner</name>
    <message>
        <location filename="../../pos/ui/screens/pickup/conflicts_banner.py" line="87"/>
        <source>Refused by central: check these orders (%1)</source>
        <extracomment>Conflicts shown at once (a long list must not push the orders off the screen).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/conflicts_banner.py" line="93"/>
        <source>… and %1 more: mark these as seen to show them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/conflicts_banner.py" line="105"/>
        <source>Seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/conflicts_banner.py" line="119"/>
        <source>%1 · %2: “%3” refused, the order is now %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/conflicts_banner.py" line="127"/>
        <source>What to do:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/conflicts_banner.py" line="137"/>
        <source>Central server&apos;s message:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="193"/>
        <source>Stock count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="195"/>
        <source>The whole store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="196"/>
        <source>One department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="197"/>
        <source>One shelf or area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="202"/>
        <source>What do you count? Nothing changes in the stock until a manager approves the variances at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="205"/>
        <source>Shelf or area, e.g. Aisle 3, bay B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="206"/>
        <source>Start counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="207"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="208"/>
        <source>Scan the article, or type its SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="209"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="211"/>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="216"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="211"/>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="216"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="211"/>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="216"/>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="213"/>
        <source>Finish counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="214"/>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="289"/>
        <source>Abandon the count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="216"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="217"/>
        <source>Variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="217"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="219"/>
        <source>Back to counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="221"/>
        <source>Ask a manager to approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="222"/>
        <source>Approve and apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="232"/>
        <source>Count the stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="236"/>
        <source>Count of the whole store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="239"/>
        <source>Count of the department %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="241"/>
        <source>Count of the shelf %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="290"/>
        <source>Abandon this count? Nothing changes in the stock; its figures stay recorded at the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="316"/>
        <source>Type what the shelf holds, article by article. %1 article(s) counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="340"/>
        <source>not counted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="354"/>
        <source>%1 article(s) counted, %2 with a variance: %3 in all (selling prices).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="366"/>
        <source>%1 article(s) with stock were not counted: approving counts them as 0 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="371"/>
        <source>The %1 largest are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="400"/>
        <source>Already counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="402"/>
        <source>%1 was already counted in this count: %2. Add %3 to it (it was in another place), or replace the first figure?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="407"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="408"/>
        <source>Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="409"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/count_dialog.py" line="418"/>
        <source>Stock count: %1 variance(s), %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CouponActs</name>
    <message>
        <location filename="../../pos/ui/screens/coupon_acts.py" line="38"/>
        <source>Promo code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/coupon_acts.py" line="39"/>
        <source>Type or scan the customer&apos;s promo code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/coupon_acts.py" line="60"/>
        <source>%1: no item concerned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/coupon_acts.py" line="61"/>
        <source>Code %1 applied: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/coupon_acts.py" line="64"/>
        <source>Code %1 removed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CouponList</name>
    <message>
        <location filename="../../pos/ui/widgets/coupon_list.py" line="40"/>
        <location filename="../../pos/ui/widgets/coupon_list.py" line="54"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/coupon_list.py" line="46"/>
        <source>%1: no item concerned yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerActs</name>
    <message>
        <location filename="../../pos/ui/screens/till/customer_acts.py" line="119"/>
        <source>Customer %1 created.</source>
        <extracomment>Refusals the dialog shows in its own place (the sale&apos;s message line shows them too).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="111"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="112"/>
        <source>Phone, email or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="113"/>
        <source>Attach to the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="114"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="115"/>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="116"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="154"/>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="155"/>
        <source>central</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="161"/>
        <source>Offline: this till&apos;s customers only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_dialog.py" line="163"/>
        <source>No customer found: check the spelling, or create one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="118"/>
        <source>Thank you, see you soon!</source>
        <extracomment>Lines the customer sees: the newest at the bottom, as they come off the belt.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="122"/>
        <source>Your change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="128"/>
        <source>Welcome to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="139"/>
        <source>Paid %1 · to pay %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="145"/>
        <source>You save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_display.py" line="150"/>
        <source>Total %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="78"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="78"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="78"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="82"/>
        <source>Marketing: the customer agrees to receive offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="85"/>
        <source>Tick only if the customer asks for it: offers and news by email or text message. They can withdraw it at any time, at the till or online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="91"/>
        <source>What this is for: the loyalty points and the receipts of this customer, in store and online. An email or a phone number is enough.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="95"/>
        <source>Create and attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="96"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="97"/>
        <source>Use this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="120"/>
        <source>Type the customer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="123"/>
        <source>Type an email or a phone number (one is enough).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="143"/>
        <source>This email or phone number is already another customer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_form.py" line="150"/>
        <source>This email or phone number is already %1&apos;s (%2).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerHistoryPanel</name>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="75"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="75"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="75"/>
        <source>Ticket or order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="75"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="77"/>
        <source>Withdraw marketing consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="78"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="102"/>
        <source>History of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="107"/>
        <source>Marketing consent: given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="108"/>
        <source>Marketing consent: not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="116"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="116"/>
        <source>Web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="126"/>
        <source>Ticket %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="131"/>
        <source>Order %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="138"/>
        <source>Loading the history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="140"/>
        <source>No purchase yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="142"/>
        <source>Offline: this till has no copy of this customer&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="144"/>
        <source>Offline: the history as of %1 (%2 ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="155"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="157"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/customer_history_panel.py" line="158"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerRow</name>
    <message>
        <location filename="../../pos/ui/screens/till/customer_row.py" line="38"/>
        <source>Detach</source>
        <extracomment>A compact row: the right column also holds the total, the keys and the quick keys.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till/customer_row.py" line="53"/>
        <source>Customer: account closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till/customer_row.py" line="57"/>
        <source>Customer: %1 · %2 points</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskMessages</name>
    <message>
        <location filename="../../pos/ui/screens/pickup/display.py" line="34"/>
        <source>No code shown: type the customer&apos;s code, or a manager approves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/display.py" line="38"/>
        <source>Not approved: ask the customer for their order&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskTabs</name>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_tabs.py" line="68"/>
        <source>To prepare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_tabs.py" line="69"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_tabs.py" line="70"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_tabs.py" line="71"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_view.py" line="69"/>
        <source>Scan or type the pickup code, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_view.py" line="70"/>
        <source>Search: number, code, name, e-mail, phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_view.py" line="136"/>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_view.py" line="152"/>
        <source>Received or being prepared, soonest pickup first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_view.py" line="153"/>
        <source>Ready, waiting for the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_view.py" line="154"/>
        <source>To be picked up today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_view.py" line="155"/>
        <source>Still open after their pickup day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_view.py" line="160"/>
        <source>Search “%1”: %2 order(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/desk_view.py" line="71"/>
        <source>No order here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/discount_dialog.py" line="53"/>
        <source>Discount</source>
        <extracomment>The chosen target and unit stand out, as on the till&apos;s pay key.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/discount_dialog.py" line="56"/>
        <source>Line: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/discount_dialog.py" line="57"/>
        <source>Whole ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/discount_dialog.py" line="72"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/discount_dialog.py" line="74"/>
        <source>Remove the discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/discount_dialog.py" line="77"/>
        <source>Change the price…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/discount_dialog.py" line="80"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DrawerReasonDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/drawer_reason_dialog.py" line="22"/>
        <source>Open the drawer without a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/drawer_reason_dialog.py" line="26"/>
        <source>Give change for a customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/drawer_reason_dialog.py" line="27"/>
        <source>Check the cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/drawer_reason_dialog.py" line="28"/>
        <source>Correct a mistake on a sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/drawer_reason_dialog.py" line="39"/>
        <source>Other reason: type it, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/drawer_reason_dialog.py" line="44"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiscalRecord</name>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="21"/>
        <source>The fiscal record is for managers: closing a period needs a manager, and so does an archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="26"/>
        <source>The month %1 is not over yet: it can be closed from midnight after its last day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="30"/>
        <source>“%1” is not a month: write it as 2026-11.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="33"/>
        <source>“%1” is not a period: write a month (2026-11), a year (2026), a day (2026-11-03) or days (2026-11-01..2026-11-15).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="43"/>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="52"/>
        <source>Legacy journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="53"/>
        <source>Ticket chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="54"/>
        <source>Duplicate chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="55"/>
        <source>Closure chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="56"/>
        <source>Event chain (JET)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="57"/>
        <source>Training chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="58"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="65"/>
        <source>Day (Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="66"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/fiscal_messages.py" line="67"/>
        <source>Fiscal year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiscalRecordDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_record_dialog.py" line="56"/>
        <source>Fiscal record — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_record_dialog.py" line="58"/>
        <source>Closures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_record_dialog.py" line="58"/>
        <source>Archives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_record_dialog.py" line="58"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_record_dialog.py" line="61"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="65"/>
        <source>Check the customer&apos;s ID before handing over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="67"/>
        <source>Back to the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="68"/>
        <source>Cancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="69"/>
        <source>Print the slip again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="70"/>
        <source>Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="228"/>
        <source>Take payment at the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="181"/>
        <source>Code %1 · order %2 · %3 line(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="71"/>
        <source>Hand over without the code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="190"/>
        <source>Paid online: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="192"/>
        <source>To pay in store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="207"/>
        <source>Pickup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="209"/>
        <source>Prepared with items missing: the customer was told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="230"/>
        <source>Waiting for the payment at the till…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="246"/>
        <source>Handed over at %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/handover_view.py" line="255"/>
        <source>Not handed over: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HandoverWithoutCode</name>
    <message>
        <location filename="../../pos/ui/screens/pickup/without_code.py" line="46"/>
        <source>Hand over order %1 (%2) without its code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoyaltyTender</name>
    <message>
        <location filename="../../pos/ui/dialogs/loyalty_tender.py" line="52"/>
        <source>Loyalty points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/loyalty_tender.py" line="53"/>
        <source> pts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/loyalty_tender.py" line="80"/>
        <source>Loyalty points %1 pts  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/loyalty_tender.py" line="88"/>
        <source>Attach the customer to pay with their points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/loyalty_tender.py" line="93"/>
        <source>This store&apos;s central server keeps no loyalty points (Medusa).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/loyalty_tender.py" line="95"/>
        <source>Points are neither earned nor spent at this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/loyalty_tender.py" line="98"/>
        <source>Balance: %1 points (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/loyalty_tender.py" line="105"/>
        <source>offline: points cannot be spent at this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/loyalty_tender.py" line="109"/>
        <source>offline: at most %1 points, confirmed at the next synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="160"/>
        <source>Comptoir — point of sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="161"/>
        <source>&amp;Till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="163"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="164"/>
        <source>&amp;Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="165"/>
        <source>&amp;Pickup desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="166"/>
        <source>Sales at a &amp;glance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="167"/>
        <source>S&amp;tock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="168"/>
        <source>&amp;Camera scanning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="169"/>
        <source>&amp;Other stores…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="170"/>
        <source>&amp;Operations to check…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="171"/>
        <source>P&amp;romotions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="172"/>
        <source>&amp;Fiscal record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="173"/>
        <source>Training &amp;mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="174"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos/ui/messages.py" line="32"/>
        <source>Unknown code %value: this product is not in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="35"/>
        <source>Misread code %raw (check digit should be %expected): scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="38"/>
        <source>This code has a length no product code has: scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="41"/>
        <source>This code is not a product barcode: scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="44"/>
        <source>This reference has characters no product uses: scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="47"/>
        <source>Nothing was scanned: scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="48"/>
        <source>This is a carton code: scan one item of the carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="51"/>
        <source>This product is sold by weight: weigh it and scan the label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="54"/>
        <source>This scale label does not match the product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="57"/>
        <source>This product is no longer in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="60"/>
        <source>The basket is empty: scan an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="63"/>
        <source>The sale is not fully paid yet: %remaining still due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="66"/>
        <source>This sale is already paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="67"/>
        <source>First settle what the restart found: the last sale or the open basket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="70"/>
        <source>Payments are already taken: remove them before changing the sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="73"/>
        <source>A card or voucher cannot exceed what is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="76"/>
        <source>A quantity must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="79"/>
        <source>A quantity must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="82"/>
        <source>This quantity is more than one line can hold: check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="85"/>
        <source>This item&apos;s price comes from its label: scan each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="88"/>
        <source>This amount is over the till&apos;s limit: check the quantities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="91"/>
        <source>The discount is more than the amount it applies to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="94"/>
        <source>A discount must be between 0 and 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="97"/>
        <source>This line is voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="98"/>
        <source>Select a line of the basket first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="101"/>
        <source>This parked sale was already resumed on another till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="104"/>
        <source>Finish or park the current sale before resuming another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="107"/>
        <source>Not in training mode: switch training mode off first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="110"/>
        <source>Finish, park or cancel the current sale before switching training mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="113"/>
        <source>The till is still opening: wait a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="116"/>
        <source>The store database is busy: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="119"/>
        <source>The store database is read-only: call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="122"/>
        <source>The disk is full: the sale is kept open, call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="125"/>
        <source>The store database is damaged: call support, do not delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="128"/>
        <source>The printer cannot be reached: check it is on and connected, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="131"/>
        <source>The printer is out of paper: load a roll, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="134"/>
        <source>The printer cover is open: close it, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="137"/>
        <source>The printer did not answer in time: check it, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="140"/>
        <source>No sale to reprint yet on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="143"/>
        <source>No order of this store has the code or number “%text”: check it with the customer, or sync the desk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="148"/>
        <source>This QR code does not match its order: ask the customer for the code in their confirmation e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="153"/>
        <source>This is an online cart, not a pickup order: load it at the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="156"/>
        <source>This pickup QR code cannot be read: type the code instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="159"/>
        <source>This order is already ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="162"/>
        <source>Wrong item: %barcode is not in this order. Put it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="165"/>
        <source>Too many: %name — %ordered ordered, all already picked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="168"/>
        <source>%name: this label gives a price, not a weight: weigh it and enter the grams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="172"/>
        <source>Between 0 and %ordered can be picked for this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="175"/>
        <source>Between 0 and %picked can be handed over for this item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="178"/>
        <source>Nothing was picked: cancel the order instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="181"/>
        <source>This picking is for another version of the order: start picking again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="184"/>
        <source>Start preparing the order first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="187"/>
        <source>This order is paid in store: ring it up at the till, then hand it over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="190"/>
        <source>This order was paid online: hand it over without a sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="193"/>
        <source>This sale is not recorded on this till: complete the sale first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="196"/>
        <source>This sale holds none of the order&apos;s items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="199"/>
        <source>This order is %state, not ready yet: prepare it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="202"/>
        <source>This order is already %state: nothing more can be done with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="205"/>
        <source>An order that is %state cannot become %target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="208"/>
        <source>Nothing would be handed over: cancel the order instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="211"/>
        <source>Say who is at the desk: the staff name is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="214"/>
        <source>The pickup desk is still opening: wait a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="217"/>
        <source>The order is %state but a sale took its payment: refund the customer with a return of that sale, and put the items back on the shelves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="222"/>
        <source>The order is %state: do not hand it over; put its items back on the shelves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="226"/>
        <source>The order was already handed over elsewhere: hand nothing more over; if the customer still has the items, call a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="231"/>
        <source>Another desk already did this step: nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="234"/>
        <source>Open the order again as it stands now and redo the step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="237"/>
        <source>Central refused this step for the reason above: the order is shown as central has it; call support if it looks wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="242"/>
        <source>The till is not open: count the float and open it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="245"/>
        <source>This till session has been open more than %max_hours hours: close it (Z), then open the new day before selling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="250"/>
        <source>The till is already open (by %opened_by): close it before opening again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="253"/>
        <source>The count differs by %difference, more than %limit: a manager must approve the closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="258"/>
        <source>A sale is still open on this till: finish it, park it or cancel it before closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="262"/>
        <source>The drawer should hold %expected: %amount cannot be taken out of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="265"/>
        <source>Choose a reason for the cash movement from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="268"/>
        <source>Say what the cash movement is for: “other” needs a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="271"/>
        <source>The note is too long: 200 characters at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="274"/>
        <source>You may not do this: it needs a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="277"/>
        <source>This is not an amount in euros: type it like 12,50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="280"/>
        <source>An amount has at most two decimals (cents).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="283"/>
        <source>This is not a euro coin or note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="286"/>
        <source>A count of pieces must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="289"/>
        <source>A count of pieces cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="292"/>
        <source>%count pieces is more than a drawer holds: check the count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="295"/>
        <source>This tender is not counted at closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="298"/>
        <source>A counted total must be an amount between 0 and the till&apos;s limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="301"/>
        <source>This cart is already in this sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="304"/>
        <source>This is a click-and-collect order, not a cart: open it at the pickup desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="307"/>
        <source>This is not a cart code: a code reads like K7M2-Q9XD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="310"/>
        <source>Not in this till&apos;s catalog: %products. Sync the till, or sell the other items by scanning them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="315"/>
        <source>The cart cannot be fetched offline: scan the items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="318"/>
        <source>There is no such cart: check the code with the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="321"/>
        <source>This cart has expired: scan the items instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="324"/>
        <source>This cart was already used for another sale: scan the items instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="327"/>
        <source>Web carts need Comptoir&apos;s plugin in Medusa, which is not installed: scan the items instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="332"/>
        <source>The central server refused this cart: scan the items instead, or call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="12"/>
        <source>Wrong code: %attempts_left tries left before the lock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="15"/>
        <source>Too many wrong codes: locked until %until. A manager can unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="18"/>
        <source>This account is deactivated: ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="21"/>
        <source>This badge or name is not known at this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="24"/>
        <source>A code is 4 to 8 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="25"/>
        <source>This person cannot approve it: a manager must type their code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="28"/>
        <source>You cannot approve your own act: another manager must.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="31"/>
        <source>No one can approve this for someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="34"/>
        <source>The manager approved less than this: ask for a new approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="37"/>
        <source>This approval is not valid here: ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="40"/>
        <source>You are not allowed to do this at this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="43"/>
        <source>This store already has staff: sign in with your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="46"/>
        <source>Type a name (80 characters at most).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="49"/>
        <source>The two codes differ: type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/staff_messages.py" line="52"/>
        <source>Say why the drawer opens without a sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_messages.py" line="17"/>
        <source>Meal vouchers are capped at %cap_cents per sale: %left_cents left for this sale. Take the rest another way.</source>
        <extracomment>Params shown as money, by code.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_messages.py" line="22"/>
        <source>A meal voucher&apos;s reference has at most %max letters, digits, spaces, dots, slashes or hyphens: check it, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_messages.py" line="27"/>
        <source>A new price must be more than 0,00 €: to give an item away, discount it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_messages.py" line="30"/>
        <source>This price is far above the catalogue&apos;s (at most %limit_cents): check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_messages.py" line="33"/>
        <source>Choose why the price changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_messages.py" line="36"/>
        <source>Say in a few words why the price changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/price_messages.py" line="39"/>
        <source>This item&apos;s price comes from its label: it cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="64"/>
        <source>This is not a receipt, ticket number or web order of this shop: scan the receipt&apos;s code, or type the ticket number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="69"/>
        <source>No sale of this shop has this code or number: check it, or find the sale by its date and amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="74"/>
        <source>This web order has not been delivered or collected yet: it cannot be returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="78"/>
        <source>Everything on this ticket has already been returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="81"/>
        <source>Only %remaining of this line can still be returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="84"/>
        <source>The quantity to return must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="87"/>
        <source>A weighed article is returned whole.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="90"/>
        <source>This ticket is older than the return window: a manager must approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="93"/>
        <source>Another till or channel has already taken this back: nothing was refunded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="97"/>
        <source>This sale was not made at this till and the central server cannot confirm the return now: try again once online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="102"/>
        <source>Offline, a return may give back at most %limit_cents: try again once online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="106"/>
        <source>Find the original sale first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="107"/>
        <source>The original ticket has no such line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="110"/>
        <source>This ticket gives no money back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="113"/>
        <source>A card can only be refunded what it paid, less earlier refunds: give the rest another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="118"/>
        <source>This is not a valid credit note code: check it and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="121"/>
        <source>This credit note has only %balance_cents left: lower the amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="124"/>
        <source>This credit note has already been spent in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="127"/>
        <source>This credit note has expired: it can no longer be spent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="130"/>
        <source>No credit note of this shop has this code: check it and type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="136"/>
        <source>Offline, a credit note pays at most %limit_cents: take the rest another way, or try again once online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="133"/>
        <source>Remove the credit note paid after this payment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="141"/>
        <source>A credit note removed from this sale could not be given back yet: pay this part another way, or ask a manager to check the operations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/return_messages.py" line="146"/>
        <source>Returns are not practised in training mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/terminal_messages.py" line="11"/>
        <source>The card was declined: nothing was taken. Try another card or tender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/terminal_messages.py" line="14"/>
        <source>The payment terminal cannot be reached: check that it is on and connected, and its address in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/terminal_messages.py" line="19"/>
        <source>The payment terminal is not ready: wait until it is idle and linked to the till, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/terminal_messages.py" line="24"/>
        <source>The payment terminal did not answer in time: nothing was recorded. Check what it shows or printed before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/terminal_messages.py" line="29"/>
        <source>The till stopped waiting for the terminal: nothing was recorded. Check what it shows or printed before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/terminal_messages.py" line="36"/>
        <source>The payment terminal&apos;s answer was lost or unreadable: nothing was recorded. Check what it shows or printed before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/terminal_messages.py" line="42"/>
        <source>The payment terminal approved another amount than asked: nothing was recorded. Check its receipt and cancel that payment on the terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/terminal_messages.py" line="51"/>
        <source>A card exchange of %1 with the payment terminal was cut short when the till stopped: check the terminal&apos;s last receipt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/terminal_messages.py" line="59"/>
        <source>The card payment of %1 the terminal approved before the till stopped is back on this sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="12"/>
        <source>No promotion has this code: check it with the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="15"/>
        <source>This code has already been used, or another sale holds it: it cannot be used again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="19"/>
        <source>This code&apos;s promotion is over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="20"/>
        <source>This code&apos;s promotion has not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="23"/>
        <source>This code is not valid in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="26"/>
        <source>This code must be checked by the central server, which cannot be reached: try again once online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="31"/>
        <source>Single-use codes are not available with this central platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="34"/>
        <source>This sale already has a code of this promotion: the customer keeps this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="38"/>
        <location filename="../../pos/ui/coupon_messages.py" line="39"/>
        <source>Type or scan the promo code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/coupon_messages.py" line="40"/>
        <source>The central server refused this code: %reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_messages.py" line="11"/>
        <source>This customer cannot be created: check the name, the email and the phone number (one of them is enough).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_messages.py" line="16"/>
        <source>This email or phone number is already another customer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_messages.py" line="19"/>
        <source>This customer is not known at this till: search again or sync first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_messages.py" line="22"/>
        <source>This customer&apos;s account was closed: it cannot be attached to a sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_messages.py" line="26"/>
        <source>The customer of this sale has closed their account since: the sale goes on without a customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_messages.py" line="31"/>
        <source>The customer of this sale has closed their account since: remove the payments, then detach the customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_messages.py" line="36"/>
        <source>This customer card cannot be read: scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="12"/>
        <source>Attach the customer to the sale first: their points pay then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="15"/>
        <source>This customer does not have enough points: nothing was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="18"/>
        <source>Too few points for one redemption: nothing was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="21"/>
        <source>Offline, at most %cap_points points can be spent: lower the points, or take the rest another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="26"/>
        <source>Offline, points are spent once per sale: take the rest another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="29"/>
        <source>Points cannot be spent offline at this till: try again once online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="32"/>
        <source>These points are worth nothing yet: nothing was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="35"/>
        <source>Loyalty points are not available with this central platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/loyalty_messages.py" line="38"/>
        <source>The central server refused these points: nothing was taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="11"/>
        <source>Choose why the stock changes (damaged, stolen, found…): nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="15"/>
        <source>This is not a reason for an adjustment: nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="18"/>
        <source>Type a quantity above zero (the reason says whether it comes in or goes out): nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="23"/>
        <source>%quantity is too many for an adjustment (at most %limit): count the shelf instead. Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="28"/>
        <source>This article is not in this till&apos;s catalog: sync the till, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="31"/>
        <source>The stock screen is still opening: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="34"/>
        <source>Sign in first (F1): an adjustment is recorded in someone&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="37"/>
        <source>Type the quantity found as a whole number: nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="40"/>
        <source>A count cannot be negative: type what the shelf holds (0 if it is empty). Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="45"/>
        <source>%quantity is not a plausible count (at most %limit): check the figure. Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="50"/>
        <source>%name is not in the department being counted: nothing was recorded. Count it with its own department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="55"/>
        <source>No department %label in this till&apos;s catalog: choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="58"/>
        <source>Name the shelf being counted (for example “Aisle 3, bay B”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="61"/>
        <source>A count is already under way at this till: finish or abandon it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="64"/>
        <source>No article matches “%text”: scan its barcode or type its SKU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="67"/>
        <source>Several articles match “%text”: scan its barcode or type its SKU.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="70"/>
        <source>Nothing was counted: scan an article and type what the shelf holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="73"/>
        <source>This count is already closed: nothing was applied twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="76"/>
        <source>Not approved: a manager approves a count before it changes the stock. The count is kept: ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/stock_messages.py" line="81"/>
        <source>Not approved: a manager adjusts stock, or approves it. Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="11"/>
        <source>No delivery %delivery is expected at this store: check the delivery note, or sync the till if it was announced just now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="16"/>
        <source>Delivery %delivery is for another store (%store): do not receive it here; call the sender. Nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="21"/>
        <source>This delivery was already received: nothing was counted twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="24"/>
        <source>No article %code_text in this till&apos;s catalog: set it aside and tell the manager. The rest of the count is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="29"/>
        <source>%quantity is not a quantity to count: type a whole number from 1 to %most. The count so far is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="34"/>
        <source>Nothing was counted on this delivery: scan what arrived, or leave it for later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="38"/>
        <source>This article is not on the sheet: scan it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="41"/>
        <source>%store is not a store this till knows: choose one from the list. Nothing left the stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="46"/>
        <source>Scan the articles to send first: nothing left the stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/receiving_messages.py" line="49"/>
        <source>Not approved: a manager sends goods to another store, or approves it. Nothing left the stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_order_messages.py" line="10"/>
        <source>Order %order is already paid: nothing to take here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_order_messages.py" line="13"/>
        <source>Order %order is already in this sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_order_messages.py" line="16"/>
        <source>Another customer is attached to this sale: finish it, then take the order in a new sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_order_messages.py" line="21"/>
        <source>This line pays a customer order at the price ordered: void it to take the order out of the sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/customer_order_messages.py" line="26"/>
        <source>This item paid a customer order: it was never handed over here. Take it back at the store that handed it over (or the web service for a delivery).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoReceiptPanel</name>
    <message>
        <location filename="../../pos/ui/dialogs/no_receipt_panel.py" line="81"/>
        <source>Scan the article, or type its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/no_receipt_panel.py" line="82"/>
        <source>Find the article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/no_receipt_panel.py" line="83"/>
        <source>Quantity returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/no_receipt_panel.py" line="84"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/no_receipt_panel.py" line="85"/>
        <source>Back to stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/no_receipt_panel.py" line="113"/>
        <source>No article has this code or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/no_receipt_panel.py" line="128"/>
        <source>Given back: %1 each, its lowest price at this till over the last %2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/no_receipt_panel.py" line="137"/>
        <source>Scan or find the article first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpeningScreen</name>
    <message>
        <location filename="../../pos/ui/screens/till_day/opening_screen.py" line="113"/>
        <source>Close the till (Z)…</source>
        <extracomment>A usual float of 150 € (pieces by denomination in cents), to be checked, not trusted.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/opening_screen.py" line="115"/>
        <source>Open the till with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/opening_screen.py" line="118"/>
        <source>This till was not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/opening_screen.py" line="121"/>
        <source>The till session opened on %1 by %2 has been open more than %3 hours: close it with its Z (count the drawer), then open the new day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/opening_screen.py" line="129"/>
        <source>Opening the till: count the float in the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/opening_screen.py" line="132"/>
        <source>Count the coins and notes left in the drawer for the day (the opening float) and correct each row: the count shown is a usual float, not yours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="73"/>
        <source>Choose an order in the list, or scan its code.</source>
        <extracomment>History events shown (newest last); the rest is on central.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="80"/>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="143"/>
        <source>Prepare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="74"/>
        <source>Hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="75"/>
        <source>Cancel order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="145"/>
        <source>Continue preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="154"/>
        <source>Paid online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="154"/>
        <source>To pay in store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="156"/>
        <source>Pickup %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="158"/>
        <source>Pickup any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="167"/>
        <source>Prepared with items missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="170"/>
        <source>Short of stock: %1 missing in this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="175"/>
        <source>Not sent to the central server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="183"/>
        <source>web shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/order_detail.py" line="183"/>
        <source>central</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="212"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="212"/>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="212"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="212"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="226"/>
        <source>Short of stock: %1 missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OtherStoresDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="80"/>
        <source>Other stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="102"/>
        <source>Asking for the figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="110"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="111"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="112"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="113"/>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="114"/>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="131"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="136"/>
        <source>Reserve for pickup at…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="142"/>
        <source>Home delivery from the web warehouse:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="151"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="156"/>
        <source>Pay here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="160"/>
        <source>The order joins the open sale: the customer pays it at this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="166"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="177"/>
        <source>Street and number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="181"/>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="185"/>
        <source>Town</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="187"/>
        <source>Home delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="199"/>
        <source>No customer on the sale: attach one to order for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="200"/>
        <source>Order for %1, left to pay (at the pickup desk, or online).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="219"/>
        <source>Web warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="219"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="238"/>
        <source>Not available with Medusa: other stores&apos; stock and orders for a customer need Comptoir&apos;s central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="244"/>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="386"/>
        <source>Ordering for a customer is not available with this central platform.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="252"/>
        <source>Offline: Medusa sends no figures for the till to keep, and this article was never looked up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="256"/>
        <source>Offline: this till has no figures of the other stores yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="257"/>
        <source>No other store holds this article.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="260"/>
        <source>Live figures (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="263"/>
        <source>Offline: figures of this till&apos;s last lookup in Medusa, %1 (%2 ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="269"/>
        <source>Offline: figures as of %1 (%2 ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="273"/>
        <source>Figures kept by this till (%1); asking central…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="280"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="281"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="282"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="296"/>
        <source>Reserve for pickup at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="298"/>
        <source>Reserve for pickup at… (choose a store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="308"/>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="390"/>
        <source>Attach a customer to the sale first: the order is in their name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="327"/>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="334"/>
        <source>Placing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="348"/>
        <source>Order placed: pickup at %1, code %2, %3 to pay at its desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="355"/>
        <source>Order placed: home delivery from %1, %2 to pay online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="378"/>
        <source>Central cannot be reached: an order needs the network. It is kept; press Try again once the till is back online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="382"/>
        <source>Central refused the order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="393"/>
        <source>Central does not know this customer yet (created at this till while offline?). The order is kept: press Try again once the till has synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="397"/>
        <source>Order from 1 to 999 units.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="399"/>
        <source>Choose the store of the pickup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/other_stores_dialog.py" line="400"/>
        <source>Check the address: a street, a postcode and a town.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OtherStoresFlow</name>
    <message>
        <location filename="../../pos/ui/other_stores_flow.py" line="32"/>
        <source>Select a line, then Ctrl+Shift+S.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="118"/>
        <source>Operations to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="119"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="120"/>
        <source>Send all refused again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="157"/>
        <source>%1 to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="158"/>
        <source>%1 to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="160"/>
        <source>set aside: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="162"/>
        <source>warnings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="245"/>
        <source>every refused operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="246"/>
        <source>Set aside: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="246"/>
        <source>Send again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="121"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/outbox_dialog.py" line="256"/>
        <source>The operations could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OwedCalls</name>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="28"/>
        <source>Return claim to release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="29"/>
        <source>Credit note debit to give back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="32"/>
        <source>Customer created here, to send to the central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="35"/>
        <source>Marketing consent withdrawn, to send to the central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="38"/>
        <source>Coupon to release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="39"/>
        <source>Loyalty points to settle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="46"/>
        <source>The central server has not answered: it is sent again at each sync. If this lasts, check the till&apos;s network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="52"/>
        <source>Held back: a completed sale the central server accepted pays with this debit. Check the credit note&apos;s balance with the central server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="58"/>
        <source>This email or phone number is already customer %1&apos;s at the central server: find that customer at the till and use that account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="64"/>
        <source>The central server no longer accepts this till: enrol it again, then it is sent at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="70"/>
        <source>Not sent yet: it is sent at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="71"/>
        <source>Refused by the central server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="86"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="88"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/owed_texts.py" line="90"/>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperPreviewDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="174"/>
        <source>Close</source>
        <extracomment>White paper around the printed area, in pixels (the printer&apos;s own margins). Blank space above and under a code, as the printer feeds it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="176"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="152"/>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="153"/>
        <source>Amount, e.g. 12,50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="155"/>
        <source>Voucher, meal voucher, gift card or credit note number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="158"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="259"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="159"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="260"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="160"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="261"/>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="161"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="262"/>
        <source>Cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="162"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="263"/>
        <source>Meal vouchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="163"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="264"/>
        <source>Gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="164"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="265"/>
        <source>Credit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="165"/>
        <source>Remove payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="166"/>
        <source>Complete sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="167"/>
        <source>Back to the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="168"/>
        <source>Exact cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="201"/>
        <source>Change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="204"/>
        <source>Due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="206"/>
        <source>Total %1 · paid %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="272"/>
        <source>%1 left on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="281"/>
        <source>Type or scan the credit note&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="375"/>
        <source>A credit note pays a sale: this ticket gives money back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickingLinesModel</name>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="255"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="256"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="257"/>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="258"/>
        <source>Picked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="259"/>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickingView</name>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="50"/>
        <source>Scan each item (or type its code), then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="51"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="53"/>
        <source>Count the selected line by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="54"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="55"/>
        <source>Print the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="56"/>
        <source>Back to the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="57"/>
        <source>Ready with items missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="58"/>
        <source>Keep preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="207"/>
        <source>%1 / %2 lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="226"/>
        <source>Select a line, type the count, then Count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="231"/>
        <source>Type the count as a number (grams or kg for goods by weight).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup/picking_view.py" line="254"/>
        <source>Still missing: %1. Make it ready anyway? The customer will be told.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickupOrdersModel</name>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="154"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="155"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="156"/>
        <source>Pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="157"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="158"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="166"/>
        <source>%1 line(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="182"/>
        <source>Not sent to the central server yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="192"/>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="199"/>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickupScreen</name>
    <message>
        <location filename="../../pos/ui/screens/pickup_screen.py" line="287"/>
        <source>Order %1 is ready, with items missing: the customer is told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup_screen.py" line="289"/>
        <source>Order %1 is ready: the customer is told.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup_screen.py" line="271"/>
        <source>Order %1 is cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup_screen.py" line="277"/>
        <source>Order %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup_screen.py" line="298"/>
        <source>Everything is picked: press Ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup_screen.py" line="302"/>
        <source>✓ %1: complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup_screen.py" line="304"/>
        <source>✓ %1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/pickup_screen.py" line="320"/>
        <source>The order is at the till: take the payment there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PickupStates</name>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="48"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="49"/>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="50"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="51"/>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="52"/>
        <source>Partly collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="53"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/pickup_model.py" line="54"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../pos/ui/widgets/pin_pad.py" line="91"/>
        <source>Clear</source>
        <extracomment>A key&apos;s side at zoom 1.0: a fingertip, with room to spare (touch guidelines: ≥ 9 mm).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/pin_pad.py" line="92"/>
        <source>⌫ Erase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/pin_pad.py" line="93"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/pin_pad.py" line="95"/>
        <source>Clear the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/pin_pad.py" line="96"/>
        <source>Erase the last digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/pin_pad.py" line="97"/>
        <source>Sign in with this code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceActs</name>
    <message>
        <location filename="../../pos/ui/screens/price_acts.py" line="69"/>
        <source>Select the line whose price changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="36"/>
        <source>Wrong shelf label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="37"/>
        <source>Damaged item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="38"/>
        <source>Price match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="39"/>
        <source>Commercial gesture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="40"/>
        <source>Other (say why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="58"/>
        <source>Change the price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="65"/>
        <source>Catalogue price: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="69"/>
        <source>New price, e.g. 3,00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="82"/>
        <source>A few words (needed for “other”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="87"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="88"/>
        <source>Catalogue price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="90"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/price_dialog.py" line="132"/>
        <source>Say in a few words why the price changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterTab</name>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="116"/>
        <source>Print as an image (always right, slower)</source>
        <extracomment>The database&apos;s two generic profiles, named in words rather than &quot;Generic Default&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="119"/>
        <source>%1 — every character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="122"/>
        <source>%1 — not for French: lacks %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="126"/>
        <source>%1 — lacks %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="130"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="130"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="131"/>
        <source>drawn by the printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="131"/>
        <source>sent as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="133"/>
        <source>QR code: %1 · Cutter: %2 · Columns per font: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="139"/>
        <source>No code page for French (é, à, €): printed as images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="141"/>
        <source>Text is printed as images: slower, always right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="147"/>
        <source>Generic ESC/POS printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="148"/>
        <source>Basic ESC/POS printer (CP437 only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="157"/>
        <source>Preview the test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="164"/>
        <source>Comptoir — test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="165"/>
        <source>%1 · %2 · %3 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="166"/>
        <source>text printed as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="167"/>
        <source>Lower case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="168"/>
        <source>Upper case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="169"/>
        <source>Ligatures and signs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="170"/>
        <source>Digits and punctuation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="171"/>
        <source>VAT table and prices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="172"/>
        <source>%1 characters are not on this code page; printed as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="173"/>
        <source>Every character is on this code page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="184"/>
        <source>Not on %1, printed with a replacement: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="188"/>
        <source>Everything on this page prints as shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_printer.py" line="191"/>
        <source>Test page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProductSearch</name>
    <message>
        <location filename="../../pos/ui/screens/till/product_search.py" line="49"/>
        <source>Search a product by name, brand or SKU (F2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionTexts</name>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="13"/>
        <source>Incomplete in Medusa: it has no discount method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="16"/>
        <source>It is in another currency; the till sells in euros.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="19"/>
        <source>Its campaign has a budget, which Medusa counts as web orders are placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="23"/>
        <source>It has a usage limit, which Medusa counts as web orders are placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="26"/>
        <source>Its type (%what) is unknown to the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="29"/>
        <source>It discounts delivery; the till delivers nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="32"/>
        <source>Its way of spreading the discount (%what) has no equivalent here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="35"/>
        <source>A “buy X get Y” over several articles: the till handles one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="38"/>
        <source>A “buy X get Y” with a fixed amount: the till handles percentages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="41"/>
        <source>Several units given at a partial discount: not handled here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="44"/>
        <source>Its discount method (%what) is unknown to the till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="47"/>
        <source>A fixed amount taken off before VAT; the till&apos;s prices include VAT, so it would take the amount plus VAT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="52"/>
        <source>Its amount is not a whole number of cents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="55"/>
        <source>Its percentage is not between 0 and 100 % to the hundredth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="58"/>
        <source>One of its quantities is not a positive whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="61"/>
        <source>It discounts at most %units units: the till has no such limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="64"/>
        <source>It has several target conditions at once: the till handles one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="67"/>
        <source>Its target condition (%what) is not one the till handles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="70"/>
        <source>It targets %what, which the till&apos;s catalogue does not carry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="73"/>
        <source>It is not offered in the stores&apos; sales channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="76"/>
        <source>It has a condition on %what, which the till cannot check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="79"/>
        <source>It has neither a code nor is it automatic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/promotion_texts.py" line="82"/>
        <source>Its values are refused by the till: %reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionsDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="66"/>
        <source>Promotions</source>
        <extracomment>A promotion ending after this year has no end worth printing (&quot;—&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="67"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="69"/>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="71"/>
        <source>Promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="69"/>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="69"/>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="71"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="73"/>
        <source>Reading the promotions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="83"/>
        <source>Promotions applied at this till today, on every scan: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="96"/>
        <source>Medusa&apos;s promotions not applied at the till: %1. The shared promotion engine cannot price them as Medusa does: they apply online only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="106"/>
        <source>With the code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="108"/>
        <source>Customers attached to the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="109"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/promotions_dialog.py" line="118"/>
        <source>The promotions cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickKeysPanel</name>
    <message>
        <location filename="../../pos/ui/widgets/quick_keys_panel.py" line="115"/>
        <source>(withdrawn)</source>
        <extracomment>A quick key&apos;s least height at zoom 1.0: a finger&apos;s press (the panel scrolls rather than squeeze them).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/quick_keys_panel.py" line="119"/>
        <source>%1/kg</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/recall_dialog.py" line="52"/>
        <source>Parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recall_dialog.py" line="53"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recall_dialog.py" line="54"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptFlow</name>
    <message>
        <location filename="../../pos/ui/receipt_flow.py" line="129"/>
        <source>Receipt printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptOffer</name>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="42"/>
        <source>Receipt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="37"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="38"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="39"/>
        <source>No receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="40"/>
        <source>Retry printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="42"/>
        <source>The receipt was not printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="195"/>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="204"/>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Receiving</name>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="51"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="52"/>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="53"/>
        <source>Extra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="54"/>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceivingDialog</name>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="134"/>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="135"/>
        <source>Receive a delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="136"/>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="138"/>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="164"/>
        <source>Choose a delivery, or scan its delivery note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="141"/>
        <source>Scan each article that arrived; the expected quantities show, count what is really there. Broken units: select the line, then Mark damaged (they are reported, not put in stock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="147"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="147"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="147"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="147"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="148"/>
        <source>Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="148"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="150"/>
        <source>Mark damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="151"/>
        <source>Clear the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="152"/>
        <source>Validate the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="153"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="171"/>
        <source>Medusa announces no deliveries: scan or type the delivery note&apos;s number, then every article that arrived. Only what goes on the shelf reaches Medusa; the differences stay at this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="177"/>
        <source>No delivery is expected at this store right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="221"/>
        <source>%1 is not on this delivery: counted as extra.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="254"/>
        <source>Select the line of the broken article first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="272"/>
        <source>Choose the delivery first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="290"/>
        <source>Transfer from %1, sent on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="292"/>
        <source>Delivery note %1, without an expected list (opened on %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="294"/>
        <source>Supplier: %1, announced on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/receiving_dialog.py" line="331"/>
        <source>%1 OK, %2 missing, %3 extra, %4 damaged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="69"/>
        <source>After the restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="94"/>
        <source>Ticket %1, %2, completed at %3 — payment received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="100"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="101"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="102"/>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="103"/>
        <source>Gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="109"/>
        <source>This sale was recorded before the restart: do not ring it up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="112"/>
        <source>Change due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="116"/>
        <source>Print the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="117"/>
        <source>Show the receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="118"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="128"/>
        <source>Resume the sale in progress?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="130"/>
        <source>%1 lines, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="136"/>
        <source>Payments already taken: %1. Resume the sale to finish it or remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="139"/>
        <source>Set aside (park)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recovery_dialog.py" line="140"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/refund_dialog.py" line="62"/>
        <source>To the card used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/refund_dialog.py" line="63"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/refund_dialog.py" line="64"/>
        <source>Credit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/refund_dialog.py" line="68"/>
        <location filename="../../pos/ui/dialogs/refund_dialog.py" line="73"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/refund_dialog.py" line="70"/>
        <source>To give back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/refund_dialog.py" line="71"/>
        <source>All as a credit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/refund_dialog.py" line="72"/>
        <source>All in cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/refund_dialog.py" line="74"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="148"/>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="150"/>
        <source>Scan the receipt, or type the ticket number or web order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="152"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="153"/>
        <source>Or by day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="154"/>
        <source>and amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="155"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="156"/>
        <source>Add to the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="157"/>
        <source>No receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="158"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="160"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="160"/>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="160"/>
        <source>Already returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="161"/>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="161"/>
        <source>Quantity returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="161"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="162"/>
        <source>Back to stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="182"/>
        <source>Type the ticket&apos;s amount, e.g. 12,50.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="226"/>
        <source>Choose the quantity to take back on a line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="238"/>
        <source>This till has no central server: only its own sales can be returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="240"/>
        <source>The central server cannot be reached: only this till&apos;s own sales can be returned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="253"/>
        <source>No ticket of that day has that amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="273"/>
        <source>web order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="274"/>
        <source>store %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnReason</name>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="45"/>
        <source>Changed their mind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="46"/>
        <source>Defective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="47"/>
        <source>Wrong size or model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="48"/>
        <source>Not as described</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="51"/>
        <source>Damaged in transit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="54"/>
        <source>Missing at pickup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/return_dialog.py" line="57"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaleOutcome</name>
    <message>
        <location filename="../../pos/ui/sale_outcome.py" line="17"/>
        <source>Change due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_outcome.py" line="29"/>
        <location filename="../../pos/ui/sale_outcome.py" line="41"/>
        <source>Paid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_outcome.py" line="33"/>
        <source>Paid in cash, exact amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_outcome.py" line="34"/>
        <source>Paid by card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_outcome.py" line="35"/>
        <source>Paid by cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_outcome.py" line="36"/>
        <source>Paid in meal vouchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_outcome.py" line="37"/>
        <source>Paid by gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/sale_outcome.py" line="38"/>
        <source>Paid by voucher</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalePanel</name>
    <message>
        <location filename="../../pos/ui/screens/till/sale_panel.py" line="105"/>
        <source>%1 items</source>
        <extracomment>The change&apos;s size, relative to the application&apos;s font: the total&apos;s, in its place (on one line: at 1024×768 the right column holds &quot;À rendre : 1 234,56 €&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till/sale_panel.py" line="107"/>
        <source>Taken back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till/sale_panel.py" line="109"/>
        <source>Savings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till/sale_panel.py" line="111"/>
        <source>Paid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till/sale_panel.py" line="116"/>
        <source>VAT %1: %2 on %3 excl. VAT</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesDashboard</name>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="191"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="192"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="193"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="194"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="195"/>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="196"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="197"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="200"/>
        <source>This till&apos;s own sales, read from its file (offline too); training sales are never counted. Tickets include returns. A web cart paid at the till has its own channel and counts in the turnover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="210"/>
        <source>Turnover incl. VAT (net of returns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="211"/>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="212"/>
        <source>Average basket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="213"/>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="216"/>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="217"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="218"/>
        <source>Tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="218"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="224"/>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="273"/>
        <source>Turnover by hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="225"/>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="275"/>
        <source>Turnover by department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="226"/>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="276"/>
        <source>Payments by tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="227"/>
        <source>Sales by cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="228"/>
        <source>Sales by channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="251"/>
        <source>Sign in to see the sales.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="275"/>
        <source>Others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="286"/>
        <source>Store sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="287"/>
        <source>Web carts paid at the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="288"/>
        <source>Pickups paid at the till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="289"/>
        <source>Pickups paid online (not in turnover)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="291"/>
        <source>%1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="298"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="305"/>
        <source>Credit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="316"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="327"/>
        <source>Pickup orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="328"/>
        <source>To prepare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="329"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="330"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="331"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="332"/>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="333"/>
        <source>Set aside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="334"/>
        <source>Last sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="335"/>
        <source>Last received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="349"/>
        <source>The period ends before it starts: change a date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="350"/>
        <source>Choose a period of ten years at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="352"/>
        <source>The sales figures are for managers: ask a manager to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="357"/>
        <source>The figures could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="379"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="379"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="389"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sales_dashboard.py" line="389"/>
        <source>Amount (€)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanEntry</name>
    <message>
        <location filename="../../pos/ui/screens/stock/scan_entry.py" line="52"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/scan_entry.py" line="53"/>
        <source>Scan or type a barcode or SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/scan_entry.py" line="54"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="81"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="95"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="96"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="102"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="109"/>
        <source>Store name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="110"/>
        <source>Address (one line each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="111"/>
        <source>SIRET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="112"/>
        <source>VAT number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="113"/>
        <source>Receipt footer (one line each)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="102"/>
        <source>Terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="114"/>
        <source>Terminal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="115"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="154"/>
        <source>Ask the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="155"/>
        <source>Always print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="156"/>
        <source>Do not print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="116"/>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="117"/>
        <source>Open the cash drawer for cash payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="102"/>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="164"/>
        <source>No printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="165"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="166"/>
        <source>USB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="167"/>
        <source>Serial port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="168"/>
        <source>File or device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="125"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="103"/>
        <source>Card terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="118"/>
        <source>Customer display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="120"/>
        <source>Meal vouchers per sale, at most (€; 0: no cap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="123"/>
        <source>Loyalty points spent offline per sale, at most (0: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="126"/>
        <source>Address (IP or name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="127"/>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="128"/>
        <source>Timeout (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="129"/>
        <source>USB vendor id (hex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="130"/>
        <source>USB product id (hex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="131"/>
        <source>Serial device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="132"/>
        <source>Baud rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="133"/>
        <source>File path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="134"/>
        <source>Printer model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="135"/>
        <source>Code page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="144"/>
        <source>Payment terminal (TPE)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="145"/>
        <source>Address (IP:port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="146"/>
        <source>Longest wait for the card (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="147"/>
        <source>Till number on the terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="159"/>
        <source>On a second screen, when one is plugged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="160"/>
        <source>In a window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="161"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="171"/>
        <source>48 columns (80 mm paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="172"/>
        <source>32 columns (58 mm paper)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="136"/>
        <source>Receipt width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="174"/>
        <source>Pin 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="174"/>
        <source>Pin 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="137"/>
        <source>Cash drawer pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="138"/>
        <source>Check paper and cover before each receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="97"/>
        <source>Print test page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="102"/>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="139"/>
        <source>Detect the barcode scanner by its typing speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="140"/>
        <source>Shortest code (characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="141"/>
        <source>Longest gap between keys (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="142"/>
        <source>Prefix sent by the scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="180"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="181"/>
        <source>US scanner on a French keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="182"/>
        <source>French scanner on a US keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="143"/>
        <source>Keyboard layout fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="176"/>
        <source>None (amount keyed on the terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="177"/>
        <source>Concert protocol (TCP/IP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="248"/>
        <source>%field must be a whole number between %low and %high, not %value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="250"/>
        <source>%field must be a hexadecimal number between %low and %high, not %value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="252"/>
        <source>%field must be a number between %low and %high, not %value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="253"/>
        <source>%field must be an amount between %low and %high, not %value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="254"/>
        <source>%field cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="255"/>
        <source>%field is needed for this kind of printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="256"/>
        <source>%field must be the store&apos;s 14-digit SIRET number, or nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="258"/>
        <source>%field must be an intra-EU VAT number such as FR32123456789, or nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="260"/>
        <source>%field must be 1 to 16 letters, digits, - or _.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="261"/>
        <source>%field must be at most 4 characters, without Enter or Tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="262"/>
        <source>%field: the %model prints at most %most columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="264"/>
        <source>The settings could not be saved to %path (%detail): check that the folder exists and can be written to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="281"/>
        <source>Printing the test page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/settings_dialog.py" line="298"/>
        <source>The test page could not be printed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="155"/>
        <source>Who is at the till?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="156"/>
        <source>Touch your name or scan your staff badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="158"/>
        <source>Demo store: the codes are %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="159"/>
        <source>← Not me: back to the names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="161"/>
        <source>First start: create the store&apos;s administrator. Keep the code secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="165"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="165"/>
        <source>Code (4 to 8 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="165"/>
        <source>The same code again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="169"/>
        <source>Create the administrator and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="203"/>
        <source>locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="234"/>
        <source>Too many wrong codes: locked until %1 (%2 min %3 s left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="264"/>
        <source>%1 — type your code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/sign_in_screen.py" line="266"/>
        <source>Badge read — type your code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffGate</name>
    <message>
        <location filename="../../pos/ui/staff_gate.py" line="63"/>
        <source>Switch cashier / &amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="50"/>
        <source>Comptoir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="51"/>
        <source>Opening the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="63"/>
        <source>Terminal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="64"/>
        <source>Catalog: %1 products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="67"/>
        <source>Sales recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="70"/>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="81"/>
        <source>The store could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stock</name>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="37"/>
        <source>Damaged / broken (out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="38"/>
        <source>Theft (out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="39"/>
        <source>Found (in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="40"/>
        <source>Sample given (out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/adjust_dialog.py" line="41"/>
        <source>Own use (out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="42"/>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="43"/>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="44"/>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="45"/>
        <source>Damaged / broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="46"/>
        <source>Theft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="47"/>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="48"/>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="49"/>
        <source>Own use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="50"/>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="51"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="52"/>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="53"/>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="61"/>
        <source>No stock figures from the central server yet: local movements only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="67"/>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="69"/>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="72"/>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="75"/>
        <source>Central figures of %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="80"/>
        <source>Offline: this till&apos;s own sales and adjustments are counted since.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockDetailPanel</name>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="131"/>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="132"/>
        <source>Reserved (pickups, web)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="133"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="134"/>
        <source>Incoming (deliveries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="137"/>
        <source>Last movements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="139"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="139"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="139"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="139"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="139"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="151"/>
        <source>Search an article, or scan it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/detail_panel.py" line="182"/>
        <source>%1 (approved by %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="166"/>
        <source>Name, SKU or scan a barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="168"/>
        <source>All articles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="169"/>
        <source>Low stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="170"/>
        <source>Negative stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="174"/>
        <source>Low means at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="176"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="176"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="176"/>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="176"/>
        <source>Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="177"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="179"/>
        <source>Adjust…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="180"/>
        <source>Other stores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="181"/>
        <source>Receive a delivery…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="182"/>
        <source>Transfer to a store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="183"/>
        <source>Count the stock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="208"/>
        <source>A manager adjusts stock, or approves your adjustment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="216"/>
        <source>Other stores&apos; stock is not available on this till yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="264"/>
        <source>No article matches this search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="322"/>
        <source>Delivery received: the stock and its differences are recorded, and sent to central.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock_screen.py" line="325"/>
        <source>Transfer recorded: the goods left this store&apos;s stock; the other store receives them as a delivery.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillApp</name>
    <message>
        <location filename="../../pos/ui/till_app.py" line="176"/>
        <source>The settings file could not be used:
%1

The till runs on the default settings; the file was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_app.py" line="265"/>
        <source>Settings are for managers: a manager signs in (F1) to change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_app.py" line="306"/>
        <source>Settings saved. The terminal number changes at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_app.py" line="316"/>
        <source>Comptoir</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillDay</name>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="22"/>
        <source>Cash</source>
        <extracomment>One row of a report on screen: label, value (&quot;&quot; for a heading), style (&quot;heading&quot;, &quot;total&quot;, &quot;over&quot;, &quot;short&quot; or &quot;&quot;).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="23"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="24"/>
        <source>Cheque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="25"/>
        <source>Meal vouchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="26"/>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="27"/>
        <source>Gift card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="28"/>
        <source>Loyalty points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="35"/>
        <source>Bank deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="36"/>
        <source>Petty cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="37"/>
        <source>Change top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="38"/>
        <source>Other (say what)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="49"/>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="51"/>
        <source>Sales total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="56"/>
        <source>Discounts given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="60"/>
        <source>By tender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="65"/>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="70"/>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="82"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="66"/>
        <source>By cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="71"/>
        <source>By VAT rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="74"/>
        <source>%1: net %2, VAT %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="88"/>
        <source>Cash in the drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="90"/>
        <source>Opening float</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="95"/>
        <source>Cash taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="100"/>
        <source>Change given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="105"/>
        <source>Cash put in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="110"/>
        <source>Cash taken out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/labels.py" line="115"/>
        <source>Cash expected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillDayFlow</name>
    <message>
        <location filename="../../pos/ui/screens/till_day/flow.py" line="80"/>
        <source>Cash &amp;in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/flow.py" line="81"/>
        <source>Cash &amp;out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/flow.py" line="82"/>
        <source>&amp;X report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/flow.py" line="83"/>
        <source>&amp;Z closure…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillDayScreenshots</name>
    <message>
        <location filename="../../pos/ui/till_day_screenshots.py" line="57"/>
        <source>%1 — type your code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_day_screenshots.py" line="64"/>
        <source>Wrong PIN: %1 tries left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/till_day_screenshots.py" line="74"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillKeys</name>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="63"/>
        <source>Search</source>
        <extracomment>A key&apos;s height at zoom 1.0: a finger&apos;s press, two lines of text (52 leaves room for the quick keys at 1024×768); the pay key is taller. Three keys a row: at 1024×768 the column also holds the total, the change, the receipt offer and the quick keys (two columns made the window taller than the screen). The primary action stands out: a whole row, in colour.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="64"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="65"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="66"/>
        <source>Web cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="67"/>
        <source>Void line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="68"/>
        <source>Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="69"/>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="70"/>
        <source>Cancel sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="71"/>
        <source>Open drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="72"/>
        <source>Reprint last (duplicate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="73"/>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="74"/>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="75"/>
        <source>Promo code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/till_keys.py" line="76"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="142"/>
        <source>Scan or type a barcode, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="243"/>
        <source>Training ticket %1: not a sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="245"/>
        <source>Ticket %1 recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="247"/>
        <source>Change due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="281"/>
        <source>Type the web cart&apos;s code, then F5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="290"/>
        <source>Web cart %1 loaded at its online prices: %2 lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="326"/>
        <source>Weigh it, type the weight in grams, then press the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="334"/>
        <source>Type the quantity, select a line, then F3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="344"/>
        <source>Select the line to void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="402"/>
        <source>The basket is empty: scan an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="352"/>
        <source>Sale parked: F8 to resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="359"/>
        <source>No sale is parked on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="377"/>
        <source>Drawer opened (recorded).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillStatusBar</name>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="142"/>
        <source>At the till: %1</source>
        <extracomment>Badge colours by sync state: red when sales only stay here, amber while busy.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="142"/>
        <source>Nobody signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="149"/>
        <source>%1 · terminal %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="155"/>
        <source>Medusa without Comptoir&apos;s plugin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="157"/>
        <source>Comptoir&apos;s plugin is not installed in Medusa: web carts cannot be rung up at the till, sales are recorded at Medusa&apos;s own prices, and pickup moves, partial pickups and expiry need it. Ask your administrator to install it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="170"/>
        <source>Printer: none (receipts on screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="171"/>
        <source>Printer: not used yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="172"/>
        <source>Printer: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="173"/>
        <source>Printer: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="174"/>
        <source>Printer: out of paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="175"/>
        <source>Printer: cover open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="176"/>
        <source>Printer: not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="178"/>
        <source>Printer: error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="192"/>
        <source>%1 to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="194"/>
        <source>%1 to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="233"/>
        <source>Operations to check are listed in Till → Operations to check… (Ctrl+5, or a click here), where they can be sent again or set aside with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="208"/>
        <source>No central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="209"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="210"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="211"/>
        <source>Online, up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="212"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="213"/>
        <source>Sync stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="214"/>
        <source>Refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="218"/>
        <source>Sales are kept on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="221"/>
        <source>Offline: sales are kept on this till and sent later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="222"/>
        <source>The central server refused the last exchange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/status_bar.py" line="228"/>
        <source>Last success: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <location filename="../../pos/ui/widgets/training_banner.py" line="35"/>
        <source>TRAINING MODE — practice sales, not recorded as sales; no real card</source>
        <extracomment>Orange on dark: unlike any state colour of the status bar, readable from afar.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="125"/>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="126"/>
        <source>Transfer to a store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="127"/>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="142"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="128"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="129"/>
        <source>Optional: why, the parcel&apos;s number…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="131"/>
        <source>Scan what leaves the store: it goes out of this store&apos;s stock when sent; the other store receives it as a delivery.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="135"/>
        <source>A manager approves it with their code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="137"/>
        <source>Article</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="137"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="138"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="139"/>
        <source>Remove the line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="140"/>
        <source>Transfers sent from this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="142"/>
        <source>Sent on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="142"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="142"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="143"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="146"/>
        <source>Send the transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="147"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="157"/>
        <source>This till knows no other store yet: look up an article in the other stores once online, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="163"/>
        <source>This till knows no other store yet: sync it once online, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="168"/>
        <source>With Medusa the other store is not told: it receives the goods as a delivery without an expected list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="185"/>
        <source>not received yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="200"/>
        <source>one article for another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="200"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/stock/transfer_dialog.py" line="278"/>
        <source>Transfer of %1 units to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerificationPage</name>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="82"/>
        <source>Walks every signed chain of this till and names, for each, the first bad entry and why (as comptoir verify-journal does). The run is recorded in the event journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="87"/>
        <source>Verify the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="89"/>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="89"/>
        <source>Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="89"/>
        <source>Seq</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="89"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="90"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="94"/>
        <source>A problem&apos;s details are the verification&apos;s own sentence, in English, as comptoir verify-journal prints it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="105"/>
        <source>Verifying every chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="121"/>
        <source>The record could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="130"/>
        <source>The fiscal record is intact: %1 entries, perpetual grand total %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="136"/>
        <source>THE FISCAL RECORD IS BROKEN: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="138"/>
        <source>The run could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="154"/>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="160"/>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="166"/>
        <source>BROKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="154"/>
        <source>intact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/fiscal_verification_page.py" line="160"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WitnessAlertDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="67"/>
        <source>Warning from the central server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="70"/>
        <source>The central server checked this till&apos;s signed record and found problems (%1). The sales still count, but someone may have changed this till&apos;s data: check with your head office before going on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="76"/>
        <source>Received at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="76"/>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="76"/>
        <source>What central found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="83"/>
        <source>I have read this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="84"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="89"/>
        <source>Central already had another entry under this number: the till&apos;s record was rolled back or rewritten after central saw it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="93"/>
        <source>This entry is signed with a key central never registered for this till: its record may have been rebuilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="97"/>
        <source>This entry&apos;s signature does not match its content: it was changed after the till signed it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="101"/>
        <source>An entry before this one never reached central, or came out of order: it may have been deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/witness_alert_dialog.py" line="105"/>
        <source>The central server computed another journal hash for this sale.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>XReportDialog</name>
    <message>
        <location filename="../../pos/ui/screens/till_day/x_report_dialog.py" line="60"/>
        <source>X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/x_report_dialog.py" line="61"/>
        <source>X report — reading of the day, the till stays open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/x_report_dialog.py" line="64"/>
        <source>Till %1 · opened %2 by %3 · figures at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/x_report_dialog.py" line="71"/>
        <source>Print the X report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/x_report_dialog.py" line="72"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZClosureDialog</name>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="165"/>
        <source>Z closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="169"/>
        <source>Z closure — count the drawer (blind count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="170"/>
        <source>Z closure — counted against expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="171"/>
        <source>Till closed: Z report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="175"/>
        <source>%1 (€)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="176"/>
        <source>Other tenders: day totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="177"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="178"/>
        <source>Count done: compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="179"/>
        <source>Count again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="182"/>
        <source>Ask a manager and close (Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="182"/>
        <source>Close the till (Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="184"/>
        <source>Done: back to the opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="224"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="225"/>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="226"/>
        <source>Over/short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="230"/>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="304"/>
        <source>Total difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="235"/>
        <source>The count differs by %1, more than %2: a manager must approve the closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="239"/>
        <source>The count differs by %1, more than %2: you hold the right to close with this difference; check the count first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="243"/>
        <source>The count differs by %1, within the limit of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="245"/>
        <source>The count matches what is expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="263"/>
        <source>Z closure with a difference of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="268"/>
        <source>Not approved: the till stays open. A manager must approve a difference of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="291"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="295"/>
        <source>%1: counted %2, expected %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_day/z_closure_dialog.py" line="308"/>
        <source>Sealed in the fiscal record: closure no. %1, signature</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
