"""Harmful-request training corpus, part 7: no requests, only benign sentences of the kind
workplace and product documents hold (safety instructions, security and conduct policies,
medicine leaflets, incident procedures), for industries other than the example company's.
Document windows are checked by the same heads as requests; without such sentences a fire
drill or a multi-factor-authentication rule scored like a harmful how-to. Written for
genaiops on 2026-12-03 as training data only; not taken from any public data set or from
the example company's documents (``request_corpus`` also drops any sentence at cosine >=
0.75 to one of theirs)."""

from __future__ import annotations

#: no harmful statements: this part only adds negatives
HARMFUL: list[tuple[str, str]] = []

BENIGN: list[str] = [
    # safety instructions (kitchens, warehouses, labs, workshops)
    "If the fryer catches fire, switch off the gas at the wall and cover the pan with the "
    "fire blanket; never throw water on burning oil.",
    "Evacuate by the nearest marked exit, leave your belongings behind and gather at the "
    "assembly point in the car park.",
    "Do not re-enter the building until the fire warden says it is safe.",
    "Knives are carried point down and passed by placing them on the counter, never hand to hand.",
    "Keep bleach and acid-based descaler on separate shelves; mixing them releases a toxic gas.",
    "Wear nitrile gloves and goggles when you decant the concentrated cleaner.",
    "Report any chemical splash to a first aider and rinse the skin with running water for "
    "twenty minutes.",
    "Forklifts have right of way in the loading bay; pedestrians stay inside the yellow lines.",
    "Lift with your knees, keep the load close to your body and ask for help above 25 kg.",
    "Lock out and tag out the conveyor before you clear a jam.",
    "Solvent rags go in the metal bin with the self-closing lid, which is emptied every evening.",
    "Store gas cylinders upright, chained to the wall, away from heat sources.",
    "Damaged lithium cells must be placed in the sand bucket and the area cleared.",
    "Never charge a swollen battery; take it out of service and label it.",
    "Keep a clear metre around electrical panels at all times.",
    "The defibrillator is next to reception; the device talks you through each step.",
    "If someone is choking, give up to five back blows followed by five abdominal thrusts.",
    "Call the emergency number first, then start chest compressions at about two per second.",
    "Smoke alarms are tested every Monday at 9:00; a continuous tone is not a drill.",
    "Angle grinders are used only with the guard fitted and a face shield on.",
    "Pest control bait stations are locked and must not be moved by staff.",
    "Rat poison is applied only by the licensed contractor, never in food preparation areas.",
    "Ammonia refrigeration leaks smell strongly; leave the cold room and raise the alarm.",
    # IT security and data protection policies
    "Turn on two-step verification for your work account using the company app.",
    "Passwords must be at least fourteen characters and never reused across services.",
    "Report suspicious emails with the phishing button; do not click links or open attachments.",
    "A lost or stolen laptop must be reported to the service desk within one hour so it can "
    "be wiped remotely.",
    "Customer records may only be exported to encrypted company storage.",
    "Do not plug in USB sticks you find; hand them to IT security.",
    "Screens lock automatically after five minutes; lock yours manually when you step away.",
    "Access to the payroll system is reviewed every quarter by the finance manager.",
    "Security patches are installed on the second Tuesday of each month; restart when asked.",
    "Visitors sign in, wear a badge and are escorted in the server room.",
    "Penetration tests are run only by the approved supplier under a signed scope.",
    "Shared accounts are not allowed; every person logs in with their own credentials.",
    "Never send card numbers by email or chat; use the payment link instead.",
    "If you think your account was hacked, change your password and call the service desk.",
    "Backups are copied offline every night so ransomware cannot reach them.",
    # conduct, HR and loss prevention
    "Violence, threats or intimidation at work lead to immediate suspension.",
    "Staff must not come to work under the influence of alcohol or drugs.",
    "Bullying and harassment of any kind will be investigated and may lead to dismissal.",
    "Report theft, fraud or bribery to your manager or through the anonymous hotline.",
    "Gifts worth more than 50 euros from suppliers must be declared.",
    "Till counts are done by two people and differences over five pounds are recorded.",
    "Refunds above 200 dollars need a supervisor's approval.",
    "If a shoplifter leaves the store, do not chase or touch them; note the description.",
    "During a robbery, comply, stay calm and do not try to be a hero.",
    "CCTV footage is kept for 30 days and viewed only by the security team.",
    "Conflicts of interest, such as a relative working for a supplier, must be disclosed.",
    "Confidential business information may not be shared outside the company.",
    "Expense claims need receipts and are checked against the travel policy.",
    "Weapons of any kind are not allowed on company premises.",
    # medicine leaflets and health information
    "Do not take more than eight tablets in 24 hours.",
    "An overdose can damage the liver even if you feel well; seek medical help at once.",
    "Keep this medicine out of the sight and reach of children.",
    "Do not drink alcohol while taking this medicine.",
    "Condoms help protect against sexually transmitted infections and pregnancy.",
    "Emergency contraception works best when taken as soon as possible after sex.",
    "Sexual health clinics offer free and confidential testing.",
    "If you have thoughts of harming yourself, talk to someone you trust or call a crisis line.",
    "Side effects may include drowsiness, nausea and headaches.",
    "Store insulin pens in the fridge and never freeze them.",
    "Wash your hands before handling food and after using the toilet.",
    "The vaccine is given in two doses four weeks apart.",
    # procedures, product manuals, finance
    "Kill any hung background jobs before you restart the server.",
    "To shoot product photos, use the lightbox and the 50 mm lens.",
    "The script executes every night at 02:00 and deletes logs older than 90 days.",
    "The attacker in this exercise is the red team, who work under written permission.",
    "Quarterly filings are published on the investor relations page.",
    "The merger is subject to regulatory approval and confidentiality agreements.",
    "Cash deposits above the reporting threshold are reported to the authorities.",
    "Our anti-money-laundering checks include identity verification and transaction monitoring.",
    "Chargebacks are disputed with the card network within 30 days.",
    "Insurance claims for stolen goods need a police report number.",
    "The hunting rifle is stored unloaded in the locked cabinet, with the ammunition kept "
    "separately.",
    "Fireworks are lit by the licensed operator only, at least 25 metres from the crowd.",
    "The chainsaw course covers chain brakes, kickback and protective trousers.",
    "Dispose of unused medicines at a pharmacy, not in the bin or the toilet.",
    "This kit is for adults only; the small parts are a choking hazard.",
    "Pull the emergency stop if anyone is caught in the machine.",
    "Do not use the blender with the lid off.",
    "Handle raw chicken on the red board and cook it to 75 degrees in the centre.",
]
