// Demo data: the 2019 municipalities (CBS codes) of each safety region, derived once from the
// reference boundaries (an interior point of each 2019 municipality in the 2025 safety-region
// polygons; all 355 land in exactly one region). Used only by demo.ts to define coverage on 2019
// municipalities; the atlas remains the source of region data for everything else.
export const SAFETY_REGIONS_2019: Record<string, { name: string; codes: string[] }> = {
  VR01: { name: "Groningen", codes: ["GM0003", "GM0010", "GM0014", "GM0024", "GM0037", "GM0047", "GM0765", "GM1895", "GM1950", "GM1952", "GM1966", "GM1969"] },
  VR02: { name: "Fryslân", codes: ["GM0059", "GM0060", "GM0072", "GM0074", "GM0080", "GM0085", "GM0086", "GM0088", "GM0090", "GM0093", "GM0096", "GM0098", "GM0737", "GM1891", "GM1900", "GM1940", "GM1949", "GM1970"] },
  VR03: { name: "Drenthe", codes: ["GM0106", "GM0109", "GM0114", "GM0118", "GM0119", "GM1680", "GM1681", "GM1690", "GM1699", "GM1701", "GM1730", "GM1731"] },
  VR04: { name: "IJsselland", codes: ["GM0148", "GM0150", "GM0160", "GM0166", "GM0175", "GM0177", "GM0180", "GM0193", "GM1708", "GM1773", "GM1896"] },
  VR05: { name: "Twente", codes: ["GM0141", "GM0147", "GM0153", "GM0158", "GM0163", "GM0164", "GM0168", "GM0173", "GM0183", "GM0189", "GM1700", "GM1735", "GM1742", "GM1774"] },
  VR06: { name: "Noord- en Oost-Gelderland", codes: ["GM0197", "GM0200", "GM0213", "GM0222", "GM0230", "GM0232", "GM0233", "GM0243", "GM0244", "GM0246", "GM0262", "GM0269", "GM0273", "GM0285", "GM0294", "GM0301", "GM0302", "GM1509", "GM1586", "GM1859", "GM1876", "GM1955"] },
  VR07: { name: "Gelderland-Midden", codes: ["GM0202", "GM0203", "GM0221", "GM0226", "GM0228", "GM0267", "GM0274", "GM0275", "GM0277", "GM0279", "GM0289", "GM0293", "GM0299", "GM1705", "GM1734"] },
  VR08: { name: "Gelderland-Zuid", codes: ["GM0209", "GM0214", "GM0216", "GM0225", "GM0252", "GM0263", "GM0268", "GM0281", "GM0296", "GM0297", "GM0668", "GM1740", "GM1945", "GM1960"] },
  VR09: { name: "Utrecht", codes: ["GM0307", "GM0308", "GM0310", "GM0312", "GM0313", "GM0317", "GM0321", "GM0327", "GM0331", "GM0335", "GM0339", "GM0340", "GM0342", "GM0344", "GM0345", "GM0351", "GM0352", "GM0353", "GM0355", "GM0356", "GM0589", "GM0632", "GM0736", "GM1581", "GM1904", "GM1961"] },
  VR10: { name: "Noord-Holland-Noord", codes: ["GM0361", "GM0373", "GM0383", "GM0388", "GM0398", "GM0399", "GM0400", "GM0405", "GM0416", "GM0420", "GM0432", "GM0441", "GM0448", "GM0498", "GM0532", "GM1598", "GM1911"] },
  VR11: { name: "Zaanstreek-Waterland", codes: ["GM0370", "GM0385", "GM0415", "GM0431", "GM0439", "GM0479", "GM0852", "GM0880"] },
  VR12: { name: "Kennemerland", codes: ["GM0375", "GM0377", "GM0392", "GM0394", "GM0396", "GM0397", "GM0450", "GM0453", "GM0473"] },
  VR13: { name: "Amsterdam-Amstelland", codes: ["GM0358", "GM0362", "GM0363", "GM0384", "GM0437", "GM0451", "GM0457"] },
  VR14: { name: "Gooi en Vechtstreek", codes: ["GM0376", "GM0402", "GM0406", "GM0417", "GM1696", "GM1942"] },
  VR15: { name: "Haaglanden", codes: ["GM0503", "GM0518", "GM0603", "GM0629", "GM0637", "GM1783", "GM1842", "GM1916", "GM1926"] },
  VR16: { name: "Hollands-Midden", codes: ["GM0484", "GM0513", "GM0534", "GM0537", "GM0546", "GM0547", "GM0553", "GM0569", "GM0575", "GM0579", "GM0626", "GM0627", "GM0638", "GM1525", "GM1884", "GM1892", "GM1901", "GM1931"] },
  VR17: { name: "Rotterdam-Rijnmond", codes: ["GM0489", "GM0501", "GM0502", "GM0530", "GM0542", "GM0556", "GM0597", "GM0599", "GM0606", "GM0613", "GM0614", "GM0622", "GM1621", "GM1924", "GM1930"] },
  VR18: { name: "Zuid-Holland-Zuid", codes: ["GM0482", "GM0505", "GM0512", "GM0523", "GM0531", "GM0590", "GM0610", "GM0642", "GM1963", "GM1978"] },
  VR19: { name: "Zeeland", codes: ["GM0654", "GM0664", "GM0677", "GM0678", "GM0687", "GM0703", "GM0715", "GM0716", "GM0717", "GM0718", "GM1676", "GM1695", "GM1714"] },
  VR20: { name: "Midden- en West-Brabant", codes: ["GM0744", "GM0748", "GM0758", "GM0766", "GM0777", "GM0779", "GM0784", "GM0785", "GM0798", "GM0809", "GM0824", "GM0826", "GM0840", "GM0851", "GM0855", "GM0867", "GM0873", "GM0879", "GM1655", "GM1674", "GM1709", "GM1719", "GM1723", "GM1959"] },
  VR21: { name: "Brabant-Noord", codes: ["GM0755", "GM0756", "GM0757", "GM0786", "GM0788", "GM0796", "GM0797", "GM0815", "GM0828", "GM0845", "GM0856", "GM0865", "GM1684", "GM1685", "GM1702", "GM1721", "GM1948"] },
  VR22: { name: "Brabant-Zuidoost", codes: ["GM0743", "GM0753", "GM0762", "GM0770", "GM0772", "GM0794", "GM0823", "GM0820", "GM0847", "GM0848", "GM0858", "GM0861", "GM0866", "GM1652", "GM1658", "GM1659", "GM1667", "GM1706", "GM1724", "GM1728", "GM1771"] },
  VR23: { name: "Limburg-Noord", codes: ["GM0889", "GM0893", "GM0907", "GM0944", "GM0946", "GM0957", "GM0983", "GM0984", "GM0988", "GM1507", "GM1640", "GM1641", "GM1669", "GM1711", "GM1894"] },
  VR24: { name: "Limburg-Zuid", codes: ["GM0882", "GM0888", "GM0899", "GM0917", "GM0928", "GM0935", "GM0938", "GM0965", "GM0971", "GM0981", "GM0986", "GM0994", "GM1729", "GM1883", "GM1903", "GM1954"] },
  VR25: { name: "Flevoland", codes: ["GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995"] },
};
