#include "demo/internal/catalog.h"

#include <array>

namespace oversight::demo {
namespace {

using model::LimitUnit;
using model::TimeLimit;

constexpr TimeLimit Wd(std::int64_t n) { return {n, LimitUnit::kWorkingDays}; }
constexpr TimeLimit Nd(std::int64_t n) { return {n, LimitUnit::kNaturalDays}; }
constexpr TimeLimit kNone{0, LimitUnit::kWorkingDays};

constexpr ApplicantMix P = ApplicantMix::kPersons;
constexpr ApplicantMix O = ApplicantMix::kOrganisations;
constexpr ApplicantMix B = ApplicantMix::kBoth;

// name, category, statutory, promised, fee (fen), depth, weight, at county, applicants
constexpr ItemTemplate kMarket[] = {
    {"企业设立登记", "行政许可", Wd(3), 1, 0, 4, 60, true, O},
    {"企业变更登记", "行政许可", Wd(3), 1, 0, 4, 40, true, O},
    {"企业注销登记", "行政许可", Wd(3), 1, 0, 4, 15, true, O},
    {"个体工商户设立登记", "行政许可", Wd(3), 1, 0, 4, 55, true, P},
    {"食品经营许可", "行政许可", Wd(20), 10, 0, 3, 30, true, B},
    {"食品生产许可", "行政许可", Wd(20), 15, 0, 3, 5, false, O},
    {"特种设备使用登记", "行政许可", Wd(15), 5, 0, 3, 8, false, O},
    {"药品零售企业经营许可", "行政许可", Wd(30), 15, 0, 3, 4, true, O},
    {"计量标准器具核准", "行政许可", Wd(20), 10, 0, 2, 2, false, O},
};
constexpr ItemTemplate kPolice[] = {
    {"居民身份证申领", "公共服务", Nd(60), 15, 2000, 2, 40, true, P},
    {"居民身份证换领", "公共服务", Nd(60), 15, 2000, 2, 50, true, P},
    {"居民身份证补领", "公共服务", Nd(60), 15, 4000, 2, 20, true, P},
    {"临时居民身份证申领", "公共服务", Wd(3), 1, 1000, 1, 10, true, P},
    {"户口迁移", "行政确认", Wd(20), 5, 0, 3, 25, true, P},
    {"出生登记", "行政确认", Wd(10), 3, 0, 3, 20, true, P},
    {"普通护照签发", "行政许可", Wd(7), 5, 12000, 2, 25, false, P},
    {"往来港澳通行证签发", "行政许可", Wd(7), 5, 6000, 2, 30, false, P},
    {"机动车注册登记", "行政许可", Wd(5), 1, 1000, 3, 25, false, B},
    {"机动车驾驶证换证", "行政许可", Wd(5), 1, 1000, 4, 30, false, P},
};
constexpr ItemTemplate kNaturalResources[] = {
    {"不动产首次登记", "行政确认", Wd(30), 5, 8000, 3, 20, false, B},
    {"不动产转移登记", "行政确认", Wd(30), 5, 8000, 3, 45, false, B},
    {"不动产抵押登记", "行政确认", Wd(30), 3, 8000, 3, 35, false, B},
    {"不动产登记资料查询", "公共服务", Wd(5), 1, 0, 4, 20, false, B},
    {"建设用地规划许可证核发", "行政许可", Wd(20), 10, 0, 3, 3, false, O},
    {"建设工程规划许可证核发", "行政许可", Wd(20), 10, 0, 3, 4, false, O},
    {"乡村建设规划许可证核发", "行政许可", Wd(20), 10, 0, 2, 3, false, P},
};
constexpr ItemTemplate kHousing[] = {
    {"建筑工程施工许可证核发", "行政许可", Wd(15), 5, 0, 4, 8, true, O},
    {"商品房预售许可", "行政许可", Wd(10), 5, 0, 3, 4, false, O},
    {"建筑业企业资质核准", "行政许可", Wd(20), 15, 0, 4, 4, false, O},
    {"房地产开发企业资质核定", "行政许可", Wd(20), 10, 0, 3, 2, false, O},
    {"燃气经营许可", "行政许可", Wd(20), 15, 0, 3, 1, false, O},
    {"城市建筑垃圾处置核准", "行政许可", Wd(20), 10, 0, 3, 3, true, O},
    {"房屋建筑工程竣工验收备案", "其他行政权力", Wd(15), 5, 0, 3, 6, true, O},
};
constexpr ItemTemplate kTransport[] = {
    {"道路货物运输经营许可", "行政许可", Wd(20), 10, 0, 4, 10, false, B},
    {"道路运输从业人员从业资格证核发", "行政许可", Wd(10), 5, 0, 4, 12, false, P},
    {"出租汽车经营许可", "行政许可", Wd(20), 10, 0, 3, 2, false, O},
    {"公路超限运输许可", "行政许可", Wd(5), 2, 0, 4, 8, false, O},
    {"机动车维修经营备案", "其他行政权力", Wd(5), 1, 0, 4, 6, false, O},
    {"港口经营许可", "行政许可", Wd(30), 15, 0, 2, 1, false, O},
};
constexpr ItemTemplate kHealth[] = {
    {"医疗机构执业登记", "行政许可", Nd(45), 20, 0, 3, 3, false, O},
    {"医师执业注册", "行政许可", Wd(20), 10, 0, 4, 8, false, P},
    {"护士执业注册", "行政许可", Wd(20), 10, 0, 4, 10, false, P},
    {"公共场所卫生许可", "行政许可", Wd(20), 10, 0, 3, 12, true, B},
    {"母婴保健技术服务执业许可", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
    {"放射诊疗许可", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
    {"出生医学证明补发", "公共服务", Wd(20), 10, 0, 2, 5, false, P},
};
constexpr ItemTemplate kHumanResources[] = {
    {"社会保障卡申领", "公共服务", Wd(20), 10, 0, 4, 45, true, P},
    {"失业保险金申领", "行政给付", Wd(10), 5, 0, 4, 25, true, P},
    {"职工正常退休审批", "行政确认", Wd(20), 10, 0, 3, 15, true, P},
    {"就业创业证申领", "公共服务", Wd(5), 1, 0, 4, 20, true, P},
    {"人力资源服务许可", "行政许可", Wd(20), 10, 0, 3, 2, false, O},
    {"劳务派遣经营许可", "行政许可", Wd(20), 10, 0, 3, 2, false, O},
    {"工伤认定", "行政确认", Nd(60), 20, 0, 2, 8, false, B},
    {"职业资格证书补发", "公共服务", Wd(10), 5, 0, 3, 4, false, P},
};
constexpr ItemTemplate kEnvironment[] = {
    {"建设项目环境影响报告书审批", "行政许可", Nd(60), 20, 0, 3, 2, false, O},
    {"建设项目环境影响报告表审批", "行政许可", Nd(30), 10, 0, 3, 6, false, O},
    {"排污许可证核发", "行政许可", Wd(20), 15, 0, 4, 6, false, O},
    {"危险废物经营许可", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
    {"辐射安全许可", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
};
constexpr ItemTemplate kEducation[] = {
    {"民办学校设立审批", "行政许可", Nd(90), 30, 0, 2, 1, false, O},
    {"教师资格认定", "行政许可", Wd(30), 20, 0, 3, 10, false, P},
    {"义务教育阶段转学", "公共服务", Wd(5), 2, 0, 3, 12, false, P},
    {"校外培训机构审批", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
    {"学历证明书办理", "公共服务", Wd(5), 2, 0, 3, 4, false, P},
};
constexpr ItemTemplate kCivilAffairs[] = {
    {"婚姻登记", "行政确认", Wd(1), 1, 0, 1, 40, true, P},
    {"社会团体成立登记", "行政许可", Nd(60), 20, 0, 3, 1, false, O},
    {"民办非企业单位成立登记", "行政许可", Nd(60), 20, 0, 3, 1, false, O},
    {"最低生活保障审批", "行政给付", Wd(30), 15, 0, 2, 12, true, P},
    {"临时救助审批", "行政给付", Wd(10), 5, 0, 2, 8, true, P},
    {"养老机构备案", "其他行政权力", Wd(5), 3, 0, 3, 1, true, O},
};
constexpr ItemTemplate kCommerce[] = {
    {"对外贸易经营者备案登记", "其他行政权力", Wd(5), 1, 0, 4, 8, false, O},
    {"成品油零售经营资格审批", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
    {"单用途商业预付卡发卡企业备案", "其他行政权力", Wd(5), 2, 0, 3, 2, false, O},
    {"酒类零售许可", "行政许可", Wd(20), 10, 0, 3, 6, false, B},
    {"二手车交易市场经营者备案", "其他行政权力", Wd(5), 2, 0, 3, 1, false, O},
};
constexpr ItemTemplate kAgriculture[] = {
    {"农药经营许可", "行政许可", Wd(20), 15, 0, 3, 3, false, B},
    {"兽药经营许可", "行政许可", Wd(20), 15, 0, 3, 2, false, B},
    {"动物防疫条件合格证核发", "行政许可", Wd(20), 15, 0, 2, 3, false, O},
    {"农作物种子生产经营许可", "行政许可", Wd(20), 15, 0, 3, 2, false, O},
    {"渔业捕捞许可", "行政许可", Wd(20), 10, 0, 2, 4, false, P},
    {"拖拉机和联合收割机登记", "行政许可", Wd(5), 2, 500, 2, 3, false, P},
};
constexpr ItemTemplate kWater[] = {
    {"取水许可", "行政许可", Nd(45), 20, 0, 2, 2, false, O},
    {"河道管理范围内建设项目工程建设方案审批", "行政许可", Wd(20), 15, 0, 2, 2, false, O},
    {"生产建设项目水土保持方案审批", "行政许可", Wd(20), 10, 0, 3, 3, false, O},
    {"占用农业灌溉水源审批", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
};
constexpr ItemTemplate kCulture[] = {
    {"娱乐场所经营许可", "行政许可", Wd(20), 10, 0, 3, 2, false, O},
    {"营业性演出审批", "行政许可", Wd(20), 5, 0, 3, 4, false, O},
    {"互联网上网服务营业场所经营许可", "行政许可", Wd(20), 15, 0, 3, 1, false, O},
    {"旅行社设立许可", "行政许可", Wd(20), 15, 0, 3, 1, false, O},
    {"高危险性体育项目经营许可", "行政许可", Wd(30), 20, 0, 2, 1, false, O},
};
constexpr ItemTemplate kTax[] = {
    {"增值税专用发票最高开票限额审批", "行政许可", Wd(20), 5, 0, 4, 10, false, O},
    {"发票领用", "其他行政权力", Wd(5), 1, 0, 4, 45, false, B},
    {"纳税人登记信息变更", "其他行政权力", Wd(5), 1, 0, 4, 25, false, B},
    {"完税证明开具", "公共服务", Wd(2), 1, 0, 4, 20, false, B},
    {"税收优惠资格备案", "其他行政权力", Wd(5), 2, 0, 4, 8, false, O},
};
constexpr ItemTemplate kDevelopment[] = {
    {"企业投资项目核准", "行政许可", Wd(20), 15, 0, 3, 2, false, O},
    {"企业投资项目备案", "其他行政权力", Wd(3), 1, 0, 4, 10, false, O},
    {"政府投资项目可行性研究报告审批", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
    {"固定资产投资项目节能审查", "行政许可", Wd(20), 10, 0, 3, 2, false, O},
};
constexpr ItemTemplate kIndustry[] = {
    {"工业企业技术改造投资项目备案", "其他行政权力", Wd(3), 1, 0, 4, 4, false, O},
    {"新型墙体材料认定", "行政确认", Wd(20), 10, 0, 2, 1, false, O},
    {"民用爆炸物品销售许可", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
};
constexpr ItemTemplate kFinance[] = {
    {"代理记账机构设立审批", "行政许可", Wd(10), 5, 0, 4, 3, false, O},
    {"非税收入票据领购", "公共服务", Wd(3), 1, 0, 3, 4, false, O},
    {"会计人员继续教育登记", "公共服务", Wd(5), 2, 0, 4, 6, false, P},
};
constexpr ItemTemplate kJustice[] = {
    {"法律援助申请", "公共服务", Wd(7), 3, 0, 3, 8, false, P},
    {"基层法律服务工作者执业核准", "行政许可", Wd(20), 10, 0, 2, 1, false, P},
    {"公证员执业证补发", "公共服务", Wd(10), 5, 0, 2, 1, false, P},
};
constexpr ItemTemplate kEmergency[] = {
    {"危险化学品经营许可", "行政许可", Nd(30), 15, 0, 3, 3, false, O},
    {"烟花爆竹经营(零售)许可", "行政许可", Wd(20), 10, 0, 3, 5, false, B},
    {"生产经营单位应急预案备案", "其他行政权力", Wd(5), 2, 0, 3, 4, false, O},
};
constexpr ItemTemplate kUrbanManagement[] = {
    {"城市道路挖掘许可", "行政许可", Wd(20), 5, 0, 3, 4, false, O},
    {"户外广告设施设置许可", "行政许可", Wd(20), 5, 0, 3, 5, false, B},
    {"临时占用城市道路许可", "行政许可", Wd(10), 3, 0, 3, 6, false, B},
};
constexpr ItemTemplate kVeterans[] = {
    {"退役军人优待证申领", "公共服务", Wd(20), 10, 0, 3, 6, false, P},
    {"伤残抚恤关系接收", "行政给付", Wd(20), 15, 0, 2, 1, false, P},
    {"退役士兵自主就业一次性经济补助", "行政给付", Wd(20), 10, 0, 2, 2, false, P},
};
constexpr ItemTemplate kMedicalSecurity[] = {
    {"异地就医备案", "公共服务", Wd(1), 1, 0, 4, 30, false, P},
    {"基本医疗保险关系转移接续", "公共服务", Wd(15), 5, 0, 4, 10, false, P},
    {"门诊特定病种待遇认定", "行政确认", Wd(10), 5, 0, 3, 10, false, P},
    {"零星医疗费用报销", "行政给付", Wd(30), 15, 0, 3, 12, false, P},
};
constexpr ItemTemplate kForestry[] = {
    {"林木采伐许可证核发", "行政许可", Wd(20), 5, 0, 3, 3, false, B},
    {"使用林地审核", "行政许可", Wd(20), 15, 0, 2, 1, false, O},
};
constexpr ItemTemplate kMeteorology[] = {
    {"雷电防护装置设计审核", "行政许可", Wd(20), 10, 0, 3, 3, false, O},
    {"雷电防护装置竣工验收", "行政许可", Wd(20), 10, 0, 3, 3, false, O},
};
constexpr ItemTemplate kHousingFund[] = {
    {"住房公积金提取", "公共服务", Wd(3), 1, 0, 4, 45, false, P},
    {"住房公积金个人住房贷款", "公共服务", Wd(15), 10, 0, 3, 10, false, P},
    {"住房公积金缴存登记", "公共服务", Wd(5), 1, 0, 4, 8, false, O},
};
constexpr ItemTemplate kSocialAffairs[] = {
    {"婚姻登记", "行政确认", Wd(1), 1, 0, 1, 20, true, P},
    {"社会保障卡申领", "公共服务", Wd(20), 10, 0, 4, 25, true, P},
    {"最低生活保障审批", "行政给付", Wd(30), 15, 0, 2, 8, true, P},
    {"临时救助审批", "行政给付", Wd(10), 5, 0, 2, 5, true, P},
    {"就业创业证申领", "公共服务", Wd(5), 1, 0, 4, 10, true, P},
};

constexpr DepartmentKind kKinds[] = {
    {"market", "市场监督管理局", "市场监督管理局", '1', kMarket},
    {"police", "公安局", "公安局", '1', kPolice},
    {"natural_resources", "自然资源局", "", '1', kNaturalResources},
    {"housing", "住房和城乡建设局", "住房和城乡建设局", '1', kHousing},
    {"transport", "交通运输局", "", '1', kTransport},
    {"health", "卫生健康局", "卫生健康局", '1', kHealth},
    {"human_resources", "人力资源和社会保障局", "人力资源和社会保障局", '1', kHumanResources},
    {"environment", "生态环境局", "", '1', kEnvironment},
    {"education", "教育局", "", '1', kEducation},
    {"civil_affairs", "民政局", "民政局", '1', kCivilAffairs},
    {"commerce", "商务局", "", '1', kCommerce},
    {"agriculture", "农业农村局", "", '1', kAgriculture},
    {"water", "水利局", "", '1', kWater},
    {"culture", "文化广电旅游体育局", "", '1', kCulture},
    {"tax", "税务局", "", '1', kTax},
    {"development", "发展和改革局", "", '1', kDevelopment},
    {"industry", "工业和信息化局", "", '1', kIndustry},
    {"finance", "财政局", "", '1', kFinance},
    {"justice", "司法局", "", '1', kJustice},
    {"emergency", "应急管理局", "", '1', kEmergency},
    {"urban_management", "城市管理和综合执法局", "", '1', kUrbanManagement},
    {"veterans", "退役军人事务局", "", '1', kVeterans},
    {"medical_security", "医疗保障局", "", '1', kMedicalSecurity},
    {"forestry", "林业局", "", '1', kForestry},
    {"meteorology", "气象局", "", '1', kMeteorology},
    {"housing_fund", "住房公积金管理中心", "", '2', kHousingFund},
    {"social_affairs", "", "社会事务局", '1', kSocialAffairs},
};

constexpr std::string_view kCountyKinds[] = {"market",        "police",  "human_resources",
                                             "civil_affairs", "housing", "health"};
constexpr std::string_view kZoneKinds[] = {"market", "social_affairs"};

// Demand from the counties' populations (普宁 the largest); the two zones run by
// management committees (管委会) are small. The zones have no division code of their
// own, so their offices register under the city's.
constexpr County kCounties[] = {
    {"榕城区", "揭阳市榕城区人民政府", "揭阳市榕城区", "445202", 45, kCountyKinds},
    {"揭东区", "揭阳市揭东区人民政府", "揭阳市揭东区", "445203", 45, kCountyKinds},
    {"揭西县", "揭西县人民政府", "揭西县", "445222", 45, kCountyKinds},
    {"惠来县", "惠来县人民政府", "惠来县", "445224", 55, kCountyKinds},
    {"普宁市", "普宁市人民政府", "普宁市", "445281", 100, kCountyKinds},
    {"空港经济区", "揭阳空港经济区管理委员会", "揭阳空港经济区", "445200", 15, kZoneKinds},
    {"蓝城区", "揭阳市蓝城区管理委员会", "揭阳市蓝城区", "445200", 15, kZoneKinds},
};

}  // namespace

std::span<const DepartmentKind> DepartmentKinds() { return kKinds; }
std::span<const County> Counties() { return kCounties; }

}  // namespace oversight::demo
