import type { Assortment } from './catalog.types';

export const SPORTS_AND_OUTDOORS: ReadonlyArray<Assortment> = [
  {
    category: 'bike-helmets',
    variants: [
      { label: 'Size S', code: 'S', weight: -20 },
      { label: 'Size M', code: 'M' },
      { label: 'Size L', code: 'L', weight: 25 },
    ],
    features: [
      'Meets CPSC and EN 1078 safety standards.',
      'A dial at the back adjusts the fit with one hand.',
      'Removable, washable antimicrobial pads.',
      'Reflective details for visibility at dusk.',
    ],
    lines: [
      { brand: 'Giro', model: 'Syntax MIPS Road Helmet', code: 'GIR-SYNMIPS', price: 14999, weight: 285, blurb: 'A well-ventilated road helmet with MIPS to reduce rotational forces in a crash.' },
      { brand: 'Specialized', model: 'Align II MIPS Helmet', code: 'SPZ-ALIGN2', price: 5999, weight: 350, blurb: 'An affordable all-round helmet with MIPS and an integrated visor.' },
      { brand: 'POC', model: 'Ventral Air MIPS', code: 'POC-VENTAIR', price: 27999, weight: 250, blurb: 'An aerodynamic, airy race helmet, tested in the wind tunnel and on the Tour.' },
      { brand: 'Bell', model: 'Z20 MIPS', code: 'BEL-Z20', price: 21999, weight: 300, blurb: 'A premium road helmet with Bell’s Float Fit system for a snug, pressure-free fit.' },
      { brand: 'Kask', model: 'Protone Icon', code: 'KSK-PROTONE', price: 29999, weight: 230, blurb: 'An Italian race helmet made famous by the pro peloton, light and aerodynamic.' },
    ],
  },
  {
    category: 'bike-lights',
    variants: [
      { label: 'Single Light', code: 'ONE' },
      { label: 'Twin Pack', code: 'TWO', price: 3000, weight: 120 },
    ],
    features: [
      'USB-C rechargeable, with a battery gauge.',
      'Daytime flash mode visible from over a kilometre away.',
      'Tool-free mount fits round and aero handlebars and seat posts.',
      'Rated IPX7: rides through downpours.',
    ],
    lines: [
      { brand: 'Lezyne', model: 'Macro Drive 1300XXL', code: 'LEZ-MD1300', price: 9999, weight: 180, blurb: 'A 1,300-lumen front light that turns a dark trail into daylight.' },
      { brand: 'Cygolite', model: 'Metro Pro 1100', code: 'CYG-MP1100', price: 6999, weight: 150, blurb: 'A commuter light with a wide, road-friendly beam and side visibility cut-outs.' },
      { brand: 'Knog', model: 'Blinder Road 600', code: 'KNG-BR600', price: 7999, weight: 105, blurb: 'A sleek Australian front light with a beam shaped for roads.' },
      { brand: 'Bontrager', model: 'Ion Pro RT Front Light', code: 'BON-IONPRO', price: 11999, weight: 145, blurb: 'A 1,300-lumen light that pairs with a bike computer and adjusts itself to ambient light.' },
      { brand: 'Garmin', model: 'Varia RTL515 Radar Tail Light', code: 'GRM-RTL515', price: 19999, weight: 71, blurb: 'A rear light with radar that warns of cars approaching from behind.' },
    ],
  },
  {
    category: 'running-shoes',
    variants: [
      { label: 'US 8', code: 'US8', weight: -15 },
      { label: 'US 9', code: 'US9' },
      { label: 'US 10', code: 'US10', weight: 15 },
      { label: 'US 11', code: 'US11', weight: 30 },
    ],
    features: [
      'Engineered mesh upper that breathes on hot days.',
      'Durable rubber outsole in the high-wear zones.',
      'A padded tongue and heel collar for a locked-in fit.',
      'Weight is for a pair.',
    ],
    lines: [
      { brand: 'Brooks', model: 'Ghost 16', code: 'BRK-GHOST16', price: 13999, weight: 560, blurb: 'A smooth, reliable daily trainer with soft DNA LOFT cushioning.' },
      { brand: 'HOKA', model: 'Clifton 9', code: 'HOK-CLIF9', price: 14499, weight: 500, blurb: 'A lightweight, max-cushioned shoe for easy miles and long runs.' },
      { brand: 'ASICS', model: 'Gel-Nimbus 26', code: 'ASC-NIMB26', price: 15999, weight: 600, blurb: 'ASICS’s most cushioned neutral shoe, with PureGEL in the heel.' },
      { brand: 'Nike', model: 'Pegasus 41', code: 'NIK-PEG41', price: 13999, weight: 570, blurb: 'The workhorse trainer, now with ReactX foam and two Air Zoom units.' },
      { brand: 'Saucony', model: 'Endorphin Speed 4', code: 'SAU-ENDSP4', price: 16999, weight: 480, blurb: 'A nylon-plated tempo shoe with a snappy PWRRUN PB midsole.' },
    ],
  },
  {
    category: 'tents',
    variants: [
      { label: 'Tent Only', code: 'TENT' },
      { label: 'with Footprint', code: 'FP', price: 5000, weight: 250 },
    ],
    features: [
      'Colour-coded poles and clips pitch it in minutes, even in the dark.',
      'Two doors and two vestibules: nobody climbs over anybody.',
      'Fully taped seams and a 1,200 mm waterproof fly.',
      'Packs into a compression stuff sack with stakes and guylines.',
    ],
    lines: [
      { brand: 'MSR', model: 'Hubba Hubba 2-Person Tent', code: 'MSR-HUBBA2', price: 54999, weight: 1540, blurb: 'A freestanding backpacking tent with generous headroom and a famously quick pitch.' },
      { brand: 'Big Agnes', model: 'Copper Spur HV UL2', code: 'BGA-CSHVUL2', price: 54999, weight: 1420, blurb: 'An ultralight two-person tent whose vestibules become awnings.' },
      { brand: 'REI Co-op', model: 'Half Dome SL 2+', code: 'REI-HDSL2P', price: 27999, weight: 2180, blurb: 'A roomy, durable tent for campsites and first backpacking trips.' },
      { brand: 'NEMO', model: 'Dagger OSMO 2P', code: 'NEM-DAGGER2', price: 49999, weight: 1710, blurb: 'A spacious trail tent in OSMO fabric, which does not sag when it gets wet.' },
      { brand: 'Coleman', model: 'Sundome 4-Person Tent', code: 'COL-SUND4', price: 10999, weight: 4600, blurb: 'A family dome tent that sets up in ten minutes and sheds rain with welded corners.' },
    ],
  },
  {
    category: 'sleeping-bags',
    variants: [
      { label: 'Regular', code: 'REG' },
      { label: 'Long', code: 'LONG', price: 2000, weight: 90 },
    ],
    features: [
      'Comfort-rated to the ISO 23537 standard.',
      'A draft collar and a draft tube along the zip keep warm air in.',
      'Comes with a stuff sack and a cotton storage sack.',
      'Water-resistant shell fabric shrugs off tent condensation.',
    ],
    lines: [
      { brand: 'Therm-a-Rest', model: 'Hyperion 20F', code: 'TAR-HYP20', price: 42999, weight: 580, blurb: 'An ultralight 900-fill down bag for fast-and-light trips.' },
      { brand: 'NEMO', model: 'Disco 15 Endless Promise', code: 'NEM-DISCO15', price: 32999, weight: 1160, blurb: 'A spoon-shaped down bag with room to sleep on your side, and a take-back programme.' },
      { brand: 'Marmot', model: 'Trestles Elite Eco 20', code: 'MAR-TREST20', price: 17999, weight: 1300, blurb: 'A synthetic bag made from recycled materials that stays warm when damp.' },
      { brand: 'Sea to Summit', model: 'Spark 28F', code: 'STS-SPARK28', price: 37999, weight: 470, blurb: 'A featherweight down bag that packs to the size of a water bottle.' },
      { brand: 'Kelty', model: 'Cosmic 20 Down', code: 'KEL-COSMIC20', price: 17999, weight: 1210, blurb: 'An affordable 550-fill down bag that has started countless backpacking habits.' },
    ],
  },
];
