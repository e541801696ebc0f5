<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="27"/>
        <source>Item</source>
        <translation>Article</translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="28"/>
        <source>Qty</source>
        <translation>Qté</translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="29"/>
        <source>Unit price</source>
        <translation>Prix unitaire</translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="30"/>
        <source>Discount</source>
        <translation>Remise</translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="31"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos/ui/models/basket_model.py" line="85"/>
        <source>voided</source>
        <translation>annulée</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos/ui/main_window.py" line="29"/>
        <source>Comptoir — point of sale</source>
        <translation>Comptoir — point de vente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="41"/>
        <source>Network: offline, sales kept on this till</source>
        <translation>Réseau : hors ligne, ventes conservées sur cette caisse</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="50"/>
        <source>Printer: none (receipts on screen)</source>
        <translation>Imprimante : aucune (tickets à l’écran)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="51"/>
        <source>Printer: not used yet</source>
        <translation>Imprimante : pas encore utilisée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="52"/>
        <source>Printer: ready</source>
        <translation>Imprimante : prête</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="53"/>
        <source>Printer: offline</source>
        <translation>Imprimante : hors ligne</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="54"/>
        <source>Printer: out of paper</source>
        <translation>Imprimante : plus de papier</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="55"/>
        <source>Printer: cover open</source>
        <translation>Imprimante : capot ouvert</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="56"/>
        <source>Printer: not answering</source>
        <translation>Imprimante : ne répond pas</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="58"/>
        <source>Printer: error</source>
        <translation>Imprimante : erreur</translation>
    </message>
    <message>
        <location filename="../../pos/ui/main_window.py" line="63"/>
        <source>%1 · terminal %2 · cashier %3</source>
        <translation>%1 · caisse %2 · caissier %3</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../pos/ui/messages.py" line="18"/>
        <source>Unknown code %value: this product is not in the catalog.</source>
        <translation>Code inconnu %value : ce produit n’est pas au catalogue.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="21"/>
        <source>Misread code %raw (check digit should be %expected): scan again.</source>
        <translation>Code mal lu %raw (la clé devrait être %expected) : scannez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="24"/>
        <source>This code has a length no product code has: scan again.</source>
        <translation>Ce code n’a pas la longueur d’un code produit : scannez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="27"/>
        <source>This code is not a product barcode: scan again.</source>
        <translation>Ce code n’est pas un code-barres produit : scannez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="30"/>
        <source>This reference has characters no product uses: scan again.</source>
        <translation>Cette référence contient des caractères inconnus : scannez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="33"/>
        <source>Nothing was scanned: scan again.</source>
        <translation>Rien n’a été scanné : scannez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="34"/>
        <source>This is a carton code: scan one item of the carton.</source>
        <translation>C’est un code de carton : scannez un article du carton.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="37"/>
        <source>This product is sold by weight: weigh it and scan the label.</source>
        <translation>Ce produit est vendu au poids : pesez-le et scannez l’étiquette.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="40"/>
        <source>This scale label does not match the product.</source>
        <translation>Cette étiquette de balance ne correspond pas au produit.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="43"/>
        <source>This product is no longer in the catalog.</source>
        <translation>Ce produit n’est plus au catalogue.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="46"/>
        <source>The basket is empty: scan an item first.</source>
        <translation>Le panier est vide : scannez d’abord un article.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="49"/>
        <source>The sale is not fully paid yet: %remaining still due.</source>
        <translation>La vente n’est pas entièrement payée : reste %remaining à encaisser.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="52"/>
        <source>This sale is already paid.</source>
        <translation>Cette vente est déjà payée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="53"/>
        <source>Payments are already taken: remove them before changing the sale.</source>
        <translation>Des paiements sont déjà saisis : retirez-les avant de modifier la vente.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="56"/>
        <source>A card or voucher cannot exceed what is due.</source>
        <translation>Une carte ou un avoir ne peut pas dépasser le montant dû.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="59"/>
        <source>A quantity must be at least 1.</source>
        <translation>La quantité doit être d’au moins 1.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="62"/>
        <source>A quantity must be a whole number.</source>
        <translation>La quantité doit être un nombre entier.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="65"/>
        <source>This quantity is more than one line can hold: check it.</source>
        <translation>Cette quantité dépasse ce qu’une ligne peut contenir : vérifiez-la.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="68"/>
        <source>This item&apos;s price comes from its label: scan each one.</source>
        <translation>Le prix de cet article vient de son étiquette : scannez chaque article.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="71"/>
        <source>This amount is over the till&apos;s limit: check the quantities.</source>
        <translation>Ce montant dépasse la limite de la caisse : vérifiez les quantités.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="74"/>
        <source>The discount is more than the amount it applies to.</source>
        <translation>La remise dépasse le montant auquel elle s’applique.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="77"/>
        <source>A discount must be between 0 and 100 %.</source>
        <translation>Une remise doit être comprise entre 0 et 100 %.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="80"/>
        <source>This line is voided.</source>
        <translation>Cette ligne est annulée.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="81"/>
        <source>Select a line of the basket first.</source>
        <translation>Sélectionnez d’abord une ligne du panier.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="84"/>
        <source>This parked sale was already resumed on another till.</source>
        <translation>Cette vente en attente a déjà été reprise sur une autre caisse.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="87"/>
        <source>Finish or park the current sale before resuming another.</source>
        <translation>Terminez ou mettez en attente la vente en cours avant d’en reprendre une autre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="90"/>
        <source>The till is still opening: wait a moment.</source>
        <translation>La caisse est en cours d’ouverture : patientez un instant.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="93"/>
        <source>The store database is busy: try again in a moment.</source>
        <translation>La base du magasin est occupée : réessayez dans un instant.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="96"/>
        <source>The store database is read-only: call support.</source>
        <translation>La base du magasin est en lecture seule : appelez le support.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="99"/>
        <source>The disk is full: the sale is kept open, call support.</source>
        <translation>Le disque est plein : la vente reste ouverte, appelez le support.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="102"/>
        <source>The store database is damaged: call support, do not delete it.</source>
        <translation>La base du magasin est endommagée : appelez le support, ne la supprimez pas.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="105"/>
        <source>The printer cannot be reached: check it is on and connected, then Retry.</source>
        <translation>L’imprimante est injoignable : vérifiez qu’elle est allumée et branchée, puis Réessayer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="108"/>
        <source>The printer is out of paper: load a roll, then Retry.</source>
        <translation>L’imprimante n’a plus de papier : mettez un rouleau, puis Réessayer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="111"/>
        <source>The printer cover is open: close it, then Retry.</source>
        <translation>Le capot de l’imprimante est ouvert : fermez-le, puis Réessayer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="114"/>
        <source>The printer did not answer in time: check it, then Retry.</source>
        <translation>L’imprimante n’a pas répondu à temps : vérifiez-la, puis Réessayer.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/messages.py" line="117"/>
        <source>No sale to reprint yet on this till.</source>
        <translation>Aucune vente à réimprimer pour l’instant sur cette caisse.</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="43"/>
        <source>Payment</source>
        <translation>Encaissement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="65"/>
        <source>Amount, e.g. 12,50</source>
        <translation>Montant, par ex. 12,50</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="68"/>
        <source>Voucher or gift card number</source>
        <translation>Numéro d’avoir ou de carte cadeau</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="76"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="172"/>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="77"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="173"/>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="79"/>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="174"/>
        <source>Voucher</source>
        <translation>Avoir / bon</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="81"/>
        <source>Remove payment</source>
        <translation>Retirer le paiement</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="82"/>
        <source>Complete sale</source>
        <translation>Valider la vente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="84"/>
        <source>Back to the sale</source>
        <translation>Retour à la vente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="88"/>
        <source>Exact cash</source>
        <translation>Compte exact</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="129"/>
        <source>Change: %1</source>
        <translation>Rendu : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="132"/>
        <source>Due: %1</source>
        <translation>À payer : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/payment_dialog.py" line="134"/>
        <source>Total %1 · paid %2</source>
        <translation>Total %1 · payé %2</translation>
    </message>
</context>
<context>
    <name>RecallDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/recall_dialog.py" line="26"/>
        <source>Parked sales</source>
        <translation>Ventes en attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recall_dialog.py" line="37"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/recall_dialog.py" line="41"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ReceiptFlow</name>
    <message>
        <location filename="../../pos/ui/receipt_flow.py" line="105"/>
        <source>Receipt printed.</source>
        <translation>Ticket imprimé.</translation>
    </message>
</context>
<context>
    <name>ReceiptOffer</name>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="17"/>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="40"/>
        <source>Receipt?</source>
        <translation>Ticket ?</translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="18"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="19"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="20"/>
        <source>No receipt</source>
        <translation>Pas de ticket</translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="21"/>
        <source>Retry printing</source>
        <translation>Réessayer l’impression</translation>
    </message>
    <message>
        <location filename="../../pos/ui/widgets/receipt_offer.py" line="44"/>
        <source>The receipt was not printed.</source>
        <translation>Le ticket n’a pas été imprimé.</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="39"/>
        <source>Receipt %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="48"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../pos/ui/dialogs/receipt_preview.py" line="54"/>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="38"/>
        <source>Comptoir</source>
        <translation>Comptoir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="39"/>
        <source>Opening the store…</source>
        <translation>Ouverture du magasin…</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="47"/>
        <source>Terminal %1</source>
        <translation>Caisse %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="48"/>
        <source>Catalog: %1 products</source>
        <translation>Catalogue : %1 produits</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="51"/>
        <source>Sales recorded: %1</source>
        <translation>Ventes enregistrées : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="54"/>
        <source>Data folder: %1</source>
        <translation>Dossier des données : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/start_screen.py" line="60"/>
        <source>The store could not be opened</source>
        <translation>Impossible d’ouvrir le magasin</translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="85"/>
        <source>Scan or type a barcode, then Enter</source>
        <translation>Scannez ou saisissez un code-barres, puis Entrée</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="89"/>
        <source>Search a product by name, brand or SKU (F2)</source>
        <translation>Rechercher un produit par nom, marque ou référence (F2)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="153"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="154"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="155"/>
        <source>Discount %</source>
        <translation>Remise %</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="156"/>
        <source>Void line</source>
        <translation>Annuler la ligne</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="157"/>
        <source>Park</source>
        <translation>Mettre en attente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="158"/>
        <source>Recall</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="159"/>
        <source>Cancel sale</source>
        <translation>Annuler la vente</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="160"/>
        <source>Open drawer</source>
        <translation>Ouvrir le tiroir</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="161"/>
        <source>Reprint last (duplicate)</source>
        <translation>Dernier ticket (duplicata)</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="162"/>
        <source>Pay</source>
        <translation>Encaisser</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="188"/>
        <source>%1 items</source>
        <translation>%1 articles</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="191"/>
        <source>Discounts: %1</source>
        <translation>Remises : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="194"/>
        <source>Paid: %1</source>
        <translation>Payé : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="198"/>
        <source>VAT %1: %2 on %3 excl. VAT</source>
        <translation>TVA %1 : %2 sur %3 HT</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="220"/>
        <source>Ticket %1 recorded.</source>
        <translation>Ticket %1 enregistré.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="222"/>
        <source>Change due: %1</source>
        <translation>Rendu : %1</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="291"/>
        <source>Type the quantity, select a line, then F3.</source>
        <translation>Saisissez la quantité, sélectionnez une ligne, puis F3.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="298"/>
        <source>Type the discount in %, select a line, then F4.</source>
        <translation>Saisissez la remise en %, sélectionnez une ligne, puis F4.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="305"/>
        <source>Select the line to void.</source>
        <translation>Sélectionnez la ligne à annuler.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="311"/>
        <location filename="../../pos/ui/screens/till_screen.py" line="346"/>
        <source>The basket is empty: scan an item first.</source>
        <translation>Le panier est vide : scannez d’abord un article.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="314"/>
        <source>Sale parked: F8 to resume it.</source>
        <translation>Vente mise en attente : F8 pour la reprendre.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="321"/>
        <source>No sale is parked on this till.</source>
        <translation>Aucune vente en attente sur cette caisse.</translation>
    </message>
    <message>
        <location filename="../../pos/ui/screens/till_screen.py" line="329"/>
        <source>Drawer opened (recorded).</source>
        <translation>Tiroir ouvert (enregistré).</translation>
    </message>
</context>
</TS>
