<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="27"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="28"/>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="29"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="30"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="31"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="85"/>
        <source>voided</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="29"/>
        <source>Comptoir — point of sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="41"/>
        <source>Network: offline, sales kept on this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="50"/>
        <source>Printer: none (receipts on screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="51"/>
        <source>Printer: not used yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="52"/>
        <source>Printer: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="53"/>
        <source>Printer: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="54"/>
        <source>Printer: out of paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="55"/>
        <source>Printer: cover open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="56"/>
        <source>Printer: not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="58"/>
        <source>Printer: error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="63"/>
        <source>%1 · terminal %2 · cashier %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos/ui/messages.py" line="18"/>
        <source>Unknown code %value: this product is not in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="21"/>
        <source>Misread code %raw (check digit should be %expected): scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="24"/>
        <source>This code has a length no product code has: scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="27"/>
        <source>This code is not a product barcode: scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="30"/>
        <source>This reference has characters no product uses: scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="33"/>
        <source>Nothing was scanned: scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="34"/>
        <source>This is a carton code: scan one item of the carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="37"/>
        <source>This product is sold by weight: weigh it and scan the label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="40"/>
        <source>This scale label does not match the product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="43"/>
        <source>This product is no longer in the catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="46"/>
        <source>The basket is empty: scan an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="49"/>
        <source>The sale is not fully paid yet: %remaining still due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="52"/>
        <source>This sale is already paid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="53"/>
        <source>Payments are already taken: remove them before changing the sale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="56"/>
        <source>A card or voucher cannot exceed what is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="59"/>
        <source>A quantity must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="62"/>
        <source>A quantity must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="65"/>
        <source>This quantity is more than one line can hold: check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="68"/>
        <source>This item&apos;s price comes from its label: scan each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="71"/>
        <source>This amount is over the till&apos;s limit: check the quantities.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="74"/>
        <source>The discount is more than the amount it applies to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="77"/>
        <source>A discount must be between 0 and 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="80"/>
        <source>This line is voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="81"/>
        <source>Select a line of the basket first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="84"/>
        <source>This parked sale was already resumed on another till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="87"/>
        <source>Finish or park the current sale before resuming another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="90"/>
        <source>The till is still opening: wait a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="93"/>
        <source>The store database is busy: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="96"/>
        <source>The store database is read-only: call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="99"/>
        <source>The disk is full: the sale is kept open, call support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="102"/>
        <source>The store database is damaged: call support, do not delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="105"/>
        <source>The printer cannot be reached: check it is on and connected, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="108"/>
        <source>The printer is out of paper: load a roll, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="111"/>
        <source>The printer cover is open: close it, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="114"/>
        <source>The printer did not answer in time: check it, then Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="117"/>
        <source>No sale to reprint yet on this till.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="43"/>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="65"/>
        <source>Amount, e.g. 12,50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="68"/>
        <source>Voucher or gift card number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="76"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="172"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="77"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="173"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="79"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="174"/>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="81"/>
        <source>Remove payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="82"/>
        <source>Complete sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="84"/>
        <source>Back to the sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="88"/>
        <source>Exact cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="129"/>
        <source>Change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="132"/>
        <source>Due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="134"/>
        <source>Total %1 · paid %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/recall_dialog.py" line="26"/>
        <source>Parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recall_dialog.py" line="37"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recall_dialog.py" line="41"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptFlow</name>
    <message>
        <location filename="../../pos/ui/receipt_flow.py" line="105"/>
        <source>Receipt printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptOffer</name>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="17"/>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="40"/>
        <source>Receipt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="18"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="19"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="20"/>
        <source>No receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="21"/>
        <source>Retry printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="44"/>
        <source>The receipt was not printed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="39"/>
        <source>Receipt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="48"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="54"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="38"/>
        <source>Comptoir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="39"/>
        <source>Opening the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="47"/>
        <source>Terminal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="48"/>
        <source>Catalog: %1 products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="51"/>
        <source>Sales recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="54"/>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="60"/>
        <source>The store could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="85"/>
        <source>Scan or type a barcode, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="89"/>
        <source>Search a product by name, brand or SKU (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="153"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="154"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="155"/>
        <source>Discount %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="156"/>
        <source>Void line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="157"/>
        <source>Park</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="158"/>
        <source>Recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="159"/>
        <source>Cancel sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="160"/>
        <source>Open drawer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="161"/>
        <source>Reprint last (duplicate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="162"/>
        <source>Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="188"/>
        <source>%1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="191"/>
        <source>Discounts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="194"/>
        <source>Paid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="198"/>
        <source>VAT %1: %2 on %3 excl. VAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="220"/>
        <source>Ticket %1 recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="222"/>
        <source>Change due: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="291"/>
        <source>Type the quantity, select a line, then F3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="298"/>
        <source>Type the discount in %, select a line, then F4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="305"/>
        <source>Select the line to void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="311"/>
        <location filename="../../pos/ui/screens/till_screen.py" line="346"/>
        <source>The basket is empty: scan an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="314"/>
        <source>Sale parked: F8 to resume it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="321"/>
        <source>No sale is parked on this till.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="329"/>
        <source>Drawer opened (recorded).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
